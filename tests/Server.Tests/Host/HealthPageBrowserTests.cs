using System.Text.RegularExpressions;
using Tributary.TestSupport.Browser;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Host;

/// <summary>The <c>/health</c> page as a real browser renders it (Debian's headless chromium).</summary>
public sealed partial class HealthPageBrowserTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthPage_InHeadlessChromium_ShowsEveryServerWithItsStateAndErrorsAsText()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("live", upstream.Url, "in-process test server")
            + HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(FreePort.Next()), "nobody listens")
            + HealthPageEndpointTests.MarkupServer,
            options => options with { ReadVariable = _ => null }, // GITLAB_TOKEN unset: GitLab shows as not configured
            Token);
        var page = new Uri(host.BaseAddress, "/health?probe=true");

        var dom = await HeadlessChromium.DumpDomAsync(page, Token);
        TestContext.Current.TestOutputHelper?.WriteLine(dom);
        var screenshot = TestArtifacts.PathOf("screenshots/health.png");
        await HeadlessChromium.ScreenshotAsync(page, screenshot, Token);
        TestContext.Current.AddAttachment("health.png", await File.ReadAllBytesAsync(screenshot, Token), "image/png");

        Assert.Contains("<title>Tributary health: degraded</title>", dom, StringComparison.Ordinal);
        Assert.Equal(["live", "dead", "markup", "gitlab"], Rows(dom).Keys);
        Assert.Equal("connected", State(Rows(dom)["live"]));
        Assert.Equal("failed", State(Rows(dom)["dead"]));
        Assert.Equal("failed", State(Rows(dom)["markup"]));
        Assert.Equal("not configured", State(Rows(dom)["gitlab"]));
        // The DOM serializer escapes only &, < and > in text: the error is a text node, not a script element.
        Assert.Contains(
            "<td class=\"error\">the process exited with code 3 (stderr: &lt;script&gt;document.title=\"pwned\"&lt;/script&gt;)</td>",
            Rows(dom)["markup"],
            StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.True(new FileInfo(screenshot).Length > 1000, $"{screenshot} is too small to hold the page");
    }

    private static Dictionary<string, string> Rows(string dom) =>
        RowPattern().Matches(dom).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["cells"].Value);

    private static string State(string row) => StatePattern().Match(row).Groups["state"].Value;

    [GeneratedRegex("<tr data-server=\"(?<name>[^\"]+)\">(?<cells>.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<span class=\"status state [a-z_]+\">(?<state>[^<]+)</span>")]
    private static partial Regex StatePattern();
}
