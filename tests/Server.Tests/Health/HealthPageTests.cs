using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;
using Tributary.Server.Health;
using Tributary.Server.Reload;

namespace Tributary.Server.Tests.Health;

public sealed class HealthPageTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 22, 30, 0, TimeSpan.Zero);

    private static readonly ServerHealth s_live = new()
    {
        Name = "live",
        Transport = McpTransportKind.StreamableHttp,
        Description = "Docs & <b>search</b>",
        State = ServerState.Connected,
        ToolCount = 12,
        LastCheck = s_now.AddSeconds(-5),
        LastSuccess = s_now.AddSeconds(-5),
        Latency = TimeSpan.FromMilliseconds(12.34),
    };

    private static readonly ServerHealth s_broken = new()
    {
        Name = "broken",
        Transport = McpTransportKind.Stdio,
        State = ServerState.Failed,
        LastError = "the process exited with code 3 (stderr: <script>alert(\"x\")</script>)",
        LastCheck = s_now.AddSeconds(-2),
        NextAttempt = s_now.AddSeconds(8),
    };

    [Fact]
    public void Render_TwoServers_OneRowEachWithStateToolsErrorTimesLatencyAndNextAttempt()
    {
        var html = HealthPage.Render(HealthStatus.Degraded, [s_live, s_broken], gitLab: null, s_now, probed: false);

        Assert.Contains("<title>Tributary health: degraded</title>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"status\" class=\"status degraded\">degraded</span>", html, StringComparison.Ordinal);
        Assert.Contains("2 servers, generated 2026-11-23T22:30:00.000Z from the last known state", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr data-server=\"live\"><td><strong>live</strong><div class=\"description\">Docs &amp; &lt;b&gt;search&lt;/b&gt;</div></td>"
            + "<td><span class=\"status state connected\">connected</span></td><td class=\"num\">12</td><td class=\"error\"></td>"
            + "<td>2026-11-23T22:29:55.000Z</td><td class=\"num\">12.3 ms</td><td>–</td><td>streamable-http</td></tr>",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<tr data-server=\"broken\"><td><strong>broken</strong></td><td><span class=\"status state failed\">failed</span></td>"
            + "<td class=\"num\">0</td><td class=\"error\">the process exited with code 3 (stderr: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;)</td>"
            + "<td>2026-11-23T22:29:58.000Z</td><td class=\"num\">–</td><td>2026-11-23T22:30:08.000Z</td><td>stdio</td></tr>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedReload_ShowsEveryErrorWithItsLineAndWhatNeedsARestart()
    {
        var reload = new ReloadStatus(
            ReloadStatus.Failed,
            "config/tributary.yml",
            s_now.AddMinutes(-10),
            s_now.AddSeconds(-1),
            ["config/tributary.yml:7:16: mcp_servers.broken.transport: unknown transport '<pigeon>'", "config/agents/a.yml:2:1: name: missing"],
            ["cache.redis changed: restart Tributary to apply it"]);

        var html = HealthPage.Render(HealthStatus.Degraded, [s_live], gitLab: null, s_now, probed: false, reload: reload);

        Assert.Contains(
            "<tr data-reload=\"failed\"><td><strong>config/tributary.yml</strong><div class=\"description\">cache.redis changed: restart Tributary to apply it</div></td>"
            + "<td><span class=\"status state failed\">failed</span></td><td>2026-11-23T22:20:00.000Z</td><td>2026-11-23T22:29:59.000Z</td>"
            + "<td class=\"error\">config/tributary.yml:7:16: mcp_servers.broken.transport: unknown transport &#x27;&lt;pigeon&gt;&#x27;&#xA;config/agents/a.yml:2:1: name: missing</td></tr>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ErrorWithMarkup_NoScriptElementAndNoExternalAsset()
    {
        var html = HealthPage.Render(HealthStatus.Unhealthy, [s_broken], gitLab: null, s_now, probed: true);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1 server, generated 2026-11-23T22:30:00.000Z after probing every enabled server", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GitLabEntry_ItsOwnTableWithStateUserErrorAndLatency()
    {
        var gitLab = new GitLabHealth("failed", new Uri("https://gitlab.example.com/"), null, "HTTP 401 Unauthorized: <check the token>", TimeSpan.FromMilliseconds(41.26));

        var html = HealthPage.Render(HealthStatus.Healthy, [s_live], gitLab, s_now, probed: true);

        Assert.Contains(
            "<h2>GitLab</h2>",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<tr data-server=\"gitlab\"><td><strong>https://gitlab.example.com</strong></td><td><span class=\"status state failed\">failed</span></td>"
            + "<td>–</td><td class=\"error\">HTTP 401 Unauthorized: &lt;check the token&gt;</td><td class=\"num\">41.3 ms</td></tr>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoGitLabEntry_NoGitLabTable()
    {
        var html = HealthPage.Render(HealthStatus.Healthy, [s_live], gitLab: null, s_now, probed: false);

        Assert.DoesNotContain("GitLab</h2>", html, StringComparison.Ordinal);
    }
}
