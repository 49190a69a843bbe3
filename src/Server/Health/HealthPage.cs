using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;
using Tributary.Server.Reload;
using Tributary.Server.Webhooks;

namespace Tributary.Server.Health;

/// <summary>
/// <c>/health</c> as a page for people: the overall status and one row per upstream, with the same data as the JSON.
/// Self-contained (inline CSS, no script, no external asset); every value is HTML-encoded, so an error text
/// quoting markup shows as text.
/// </summary>
internal static class HealthPage
{
    /// <summary>The page reloads itself this often, in seconds.</summary>
    public const int RefreshSeconds = 30;

    /// <summary>Sent with the page: it loads nothing and runs nothing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;background:#fff}
        h1{font-size:1.4rem;margin:0 0 .5rem}
        .status{display:inline-block;padding:.15rem .6rem;border-radius:1rem;font-weight:600;color:#fff}
        .healthy,.connected{background:#1a7f37}.degraded,.connecting{background:#9a6700}
        .unhealthy,.failed,.not_configured{background:#cf222e}.idle,.disabled,.configured{background:#6e7781}
        h2{font-size:1.1rem;margin:2rem 0 .5rem}
        p.meta{color:#57606a;margin:.5rem 0 1.5rem}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #d0d7de;vertical-align:top}
        th{background:#f6f8fa;font-size:.85rem;text-transform:uppercase;color:#57606a}
        td.error{font-family:ui-monospace,monospace;font-size:.85rem;white-space:pre-wrap;word-break:break-word;max-width:28rem}
        td.num{text-align:right}td:nth-child(5),td:nth-child(7){white-space:nowrap}.description{color:#57606a;font-size:.85rem}
        """;

    /// <summary>
    /// Renders the page for <paramref name="status"/>, <paramref name="servers"/> and, when configured in the host,
    /// <paramref name="gitLab"/>, generated at <paramref name="now"/>.
    /// </summary>
    public static string Render(HealthStatus status, IReadOnlyList<ServerHealth> servers, GitLabHealth? gitLab, DateTimeOffset now, bool probed, WebhookHealth? webhooks = null, ReloadStatus? reload = null)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var statusId = HealthResponseWriter.StatusId(status);
        var html = new StringBuilder(2048 + (servers.Count * 512));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"refresh\" content=\"").Append(RefreshSeconds).Append("\">")
            .Append("<title>Tributary health: ").Append(statusId).Append("</title><style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>Tributary health <span id=\"status\" class=\"status ").Append(statusId).Append("\">").Append(statusId).Append("</span></h1>\n")
            .Append("<p class=\"meta\">").Append(servers.Count).Append(servers.Count == 1 ? " server" : " servers")
            .Append(", generated ").Append(HealthTimes.Format(now))
            .Append(probed ? " after probing every enabled server" : " from the last known state (<a href=\"?probe=true\">probe now</a>)")
            .Append(". Reloads every ").Append(RefreshSeconds).Append(" s.</p>\n")
            .Append("<table><thead><tr><th>Server</th><th>State</th><th>Tools</th><th>Last error</th><th>Last check</th>")
            .Append("<th>Latency</th><th>Next attempt</th><th>Transport</th></tr></thead><tbody>\n");
        foreach (var server in servers)
        {
            AppendRow(html, server);
        }

        html.Append("</tbody></table>\n");
        if (gitLab is not null)
        {
            AppendGitLab(html, gitLab);
        }

        if (webhooks is not null)
        {
            AppendWebhooks(html, webhooks);
        }

        if (reload is not null)
        {
            AppendReload(html, reload);
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendGitLab(StringBuilder html, GitLabHealth gitLab)
    {
        html.Append("<h2>GitLab</h2>\n<table><thead><tr><th>Instance</th><th>State</th><th>User</th><th>Last error</th><th>Latency</th></tr></thead><tbody>\n")
            .Append("<tr data-server=\"gitlab\"><td><strong>").Append(Encode(gitLab.Url.ToString().TrimEnd('/'))).Append("</strong></td>")
            .Append("<td><span class=\"status state ").Append(Encode(gitLab.State.Replace(' ', '_'))).Append("\">").Append(Encode(gitLab.State)).Append("</span></td>")
            .Append("<td>").Append(gitLab.User is { } user ? Encode(user) : "–").Append("</td>")
            .Append("<td class=\"error\">").Append(Encode(gitLab.LastError ?? string.Empty)).Append("</td>")
            .Append("<td class=\"num\">").Append(Latency(gitLab.Latency)).Append("</td></tr>\n</tbody></table>\n");
    }

    private static void AppendReload(StringBuilder html, ReloadStatus reload)
    {
        var failed = reload.State == ReloadStatus.Failed;
        html.Append("<h2>Configuration</h2>\n<table><thead><tr><th>File</th><th>State</th><th>Last success</th><th>Last attempt</th><th>Errors</th></tr></thead><tbody>\n")
            .Append("<tr data-reload=\"").Append(Encode(reload.State)).Append("\"><td><strong>").Append(Encode(reload.Path)).Append("</strong>");
        foreach (var restart in reload.RestartNeeded)
        {
            html.Append("<div class=\"description\">").Append(Encode(restart)).Append("</div>");
        }

        html.Append("</td><td><span class=\"status state ").Append(failed ? "failed" : "connected").Append("\">").Append(Encode(reload.State)).Append("</span></td>")
            .Append("<td>").Append(HealthTimes.Format(reload.LastSuccess)).Append("</td>")
            .Append("<td>").Append(Time(reload.LastAttempt)).Append("</td>")
            .Append("<td class=\"error\">").Append(Encode(string.Join('\n', reload.Errors))).Append("</td></tr>\n</tbody></table>\n");
    }

    private static void AppendWebhooks(StringBuilder html, WebhookHealth webhooks)
    {
        html.Append("<h2>GitLab webhook</h2>\n<table><thead><tr><th>State</th><th>Waiting</th><th>Running</th><th>Capacity</th><th>Workers</th><th>Store</th></tr></thead><tbody>\n")
            .Append("<tr data-webhooks=\"").Append(Encode(webhooks.State)).Append("\"><td><span class=\"status state ").Append(webhooks.State == "on" ? "connected" : "disabled").Append("\">")
            .Append(Encode(webhooks.State)).Append("</span>");
        if (webhooks.Reason is { } reason)
        {
            html.Append("<div class=\"description\">").Append(Encode(reason)).Append("</div></td><td colspan=\"5\"></td></tr>\n");
        }
        else
        {
            html.Append("</td><td class=\"num\">").Append(webhooks.QueueDepth).Append("</td><td class=\"num\">").Append(webhooks.Running)
                .Append("</td><td class=\"num\">").Append(webhooks.Capacity).Append("</td><td class=\"num\">").Append(webhooks.Workers)
                .Append("</td><td>").Append(Encode(webhooks.Store)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendRow(StringBuilder html, ServerHealth server)
    {
        var stateId = ServerStateText.Id(server.State);
        html.Append("<tr data-server=\"").Append(Encode(server.Name)).Append("\"><td><strong>").Append(Encode(server.Name)).Append("</strong>");
        if (!string.IsNullOrEmpty(server.Description))
        {
            html.Append("<div class=\"description\">").Append(Encode(server.Description)).Append("</div>");
        }

        html.Append("</td><td><span class=\"status state ").Append(stateId).Append("\">").Append(ServerStateText.Describe(server.State)).Append("</span></td>")
            .Append("<td class=\"num\">").Append(server.ToolCount).Append("</td>")
            .Append("<td class=\"error\">").Append(Encode(server.LastError ?? string.Empty)).Append("</td>")
            .Append("<td>").Append(Time(server.LastCheck)).Append("</td>")
            .Append("<td class=\"num\">").Append(Latency(server.Latency)).Append("</td>")
            .Append("<td>").Append(Time(server.NextAttempt)).Append("</td>")
            .Append("<td>").Append(KindNames.Of(server.Transport)).Append("</td></tr>\n");
    }

    private static string Latency(TimeSpan? latency) =>
        latency is { } value ? string.Create(CultureInfo.InvariantCulture, $"{HealthTimes.Milliseconds(value):0.0} ms") : "–";

    private static string Time(DateTimeOffset? time) => time is { } value ? HealthTimes.Format(value) : "–";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
