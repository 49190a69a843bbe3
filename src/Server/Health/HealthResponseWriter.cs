using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Health;

/// <summary>
/// Writes <c>/health</c> as JSON: <c>{ "status": "healthy", "servers": { "NAME": { "state": "connected", ... } } }</c>.
/// Holds no secret: the manager redacts last errors, and nothing else here comes from configuration values.
/// </summary>
internal static class HealthResponseWriter
{
    // Relaxed escaping: this is JSON for machines and people, never embedded in HTML, so '+' and '<' stay readable.
    private static readonly JsonWriterOptions s_jsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="report"/> to the response.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var servers = report.Entries.TryGetValue(UpstreamHealthCheck.Name, out var entry)
            && entry.Data.TryGetValue(UpstreamHealthCheck.ServersKey, out var value)
            && value is IReadOnlyList<ServerHealth> list
                ? list
                : [];

        await using var json = new Utf8JsonWriter(context.Response.Body, s_jsonOptions);
        json.WriteStartObject();
        json.WriteString("status", StatusId(report.Status));
        json.WriteStartObject("servers");
        foreach (var server in servers)
        {
            WriteServer(json, server);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    /// <summary>The status as <c>/health</c> spells it: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</summary>
    public static string StatusId(HealthStatus status) => status.ToString().ToLowerInvariant();

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
            json.WriteNumber("latencyMs", Math.Round(latency.TotalMilliseconds, 1));
        }
        else
        {
            json.WriteNull("latencyMs");
        }

        json.WriteString("transport", KindNames.Of(server.Transport));
        json.WriteString("description", server.Description);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
