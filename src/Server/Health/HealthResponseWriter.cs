using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;
using Tributary.Server.Reload;
using Tributary.Server.Webhooks;

namespace Tributary.Server.Health;

/// <summary>
/// Writes <c>/health</c> as JSON: <c>{ "status": "healthy", "servers": { "NAME": { "state": "connected", ... } }, "gitlab": { "state": ... }, "webhooks": { "state": ... } }</c>,
/// or as <see cref="HealthPage"/> when a browser asks for HTML. Holds no secret: the manager redacts last errors,
/// and nothing else here comes from configuration values.
/// </summary>
internal static class HealthResponseWriter
{
    // Relaxed escaping: this is JSON for machines and people, never embedded in HTML, so '+' and '<' stay readable.
    private static readonly JsonWriterOptions s_jsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="report"/> to the response.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Vary = "Accept";
        if (!HealthAccess.IsDetailed(context))
        {
            return WriteStatusOnlyAsync(context, report.Status);
        }

        var servers = Data<IReadOnlyList<ServerHealth>>(report, UpstreamHealthCheck.ServersKey) ?? [];
        var gitLab = Data<GitLabHealth>(report, GitLabHealthCheck.HealthKey);
        var webhooks = Data<WebhookHealth>(report, WebhookHealthCheck.HealthKey);
        var reload = Data<ReloadStatus>(report, ReloadHealthCheck.StatusKey);
        return HealthContentNegotiation.PrefersHtml(context.Request)
            ? WritePageAsync(context, report.Status, servers, gitLab, webhooks, reload)
            : WriteJsonAsync(context, report.Status, servers, gitLab, webhooks, reload);
    }

    // The entry names differ between the reporting and the probing checks; the data keys do not.
    private static T? Data<T>(HealthReport report, string key)
        where T : class =>
        report.Entries.Values.Select(entry => entry.Data.GetValueOrDefault(key)).OfType<T>().FirstOrDefault();

    /// <summary>The status as <c>/health</c> spells it: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</summary>
    public static string StatusId(HealthStatus status) => status.ToString().ToLowerInvariant();

    private static async Task WritePageAsync(HttpContext context, HealthStatus status, IReadOnlyList<ServerHealth> servers, GitLabHealth? gitLab, WebhookHealth? webhooks, ReloadStatus? reload)
    {
        var now = (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var page = HealthPage.Render(status, servers, gitLab, now, HealthProbe.IsRequested(context), webhooks, reload);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = HealthPage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.WriteAsync(page, context.RequestAborted);
    }

    // Without the key: the overall status and nothing that names a host, an error or a user.
    private static async Task WriteStatusOnlyAsync(HttpContext context, HealthStatus status)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, s_jsonOptions);
        json.WriteStartObject();
        json.WriteString("status", StatusId(status));
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, HealthStatus status, IReadOnlyList<ServerHealth> servers, GitLabHealth? gitLab, WebhookHealth? webhooks, ReloadStatus? reload)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, s_jsonOptions);
        json.WriteStartObject();
        json.WriteString("status", StatusId(status));
        json.WriteStartObject("servers");
        foreach (var server in servers)
        {
            WriteServer(json, server);
        }

        json.WriteEndObject();
        if (gitLab is not null)
        {
            WriteGitLab(json, gitLab);
        }

        if (webhooks is not null)
        {
            WriteWebhooks(json, webhooks);
        }

        if (reload is not null)
        {
            WriteReload(json, reload);
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteReload(Utf8JsonWriter json, ReloadStatus reload)
    {
        json.WriteStartObject("reload");
        json.WriteString("state", reload.State);
        json.WriteString("path", reload.Path);
        WriteTime(json, "lastSuccess", reload.LastSuccess);
        WriteTime(json, "lastAttempt", reload.LastAttempt);
        WriteStrings(json, "errors", reload.Errors);
        WriteStrings(json, "restartNeeded", reload.RestartNeeded);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteWebhooks(Utf8JsonWriter json, WebhookHealth webhooks)
    {
        json.WriteStartObject("webhooks");
        json.WriteString("state", webhooks.State);
        if (webhooks.Reason is { } reason)
        {
            json.WriteString("reason", reason);
        }
        else
        {
            json.WriteNumber("queueDepth", webhooks.QueueDepth);
            json.WriteNumber("running", webhooks.Running);
            json.WriteNumber("capacity", webhooks.Capacity);
            json.WriteNumber("workers", webhooks.Workers);
            json.WriteString("store", webhooks.Store);
        }

        json.WriteEndObject();
    }

    private static void WriteGitLab(Utf8JsonWriter json, GitLabHealth gitLab)
    {
        json.WriteStartObject("gitlab");
        json.WriteString("state", gitLab.State);
        json.WriteString("url", gitLab.Url.ToString().TrimEnd('/'));
        json.WriteString("user", gitLab.User);
        json.WriteString("lastError", gitLab.LastError);
        if (gitLab.Latency is { } latency)
        {
            json.WriteNumber("latencyMs", HealthTimes.Milliseconds(latency));
        }
        else
        {
            json.WriteNull("latencyMs");
        }

        json.WriteEndObject();
    }

    private static void WriteServer(Utf8JsonWriter json, ServerHealth server)
    {
        json.WriteStartObject(server.Name);
        json.WriteString("state", ServerStateText.Id(server.State));
        json.WriteNumber("toolCount", server.ToolCount);
        json.WriteString("lastError", server.LastError);
        WriteTime(json, "lastCheck", server.LastCheck);
        WriteTime(json, "lastSuccess", server.LastSuccess);
        if (server.Latency is { } latency)
        {
            json.WriteNumber("latencyMs", HealthTimes.Milliseconds(latency));
        }
        else
        {
            json.WriteNull("latencyMs");
        }

        WriteTime(json, "nextAttempt", server.NextAttempt);
        json.WriteString("transport", KindNames.Of(server.Transport));
        json.WriteString("description", server.Description);
        if (server.Auth is { } auth)
        {
            // Only OAuth servers have it: "needs login", "authorized (expires ...)", "refresh failed (...)".
            json.WriteString("auth", auth);
        }

        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, HealthTimes.Format(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
