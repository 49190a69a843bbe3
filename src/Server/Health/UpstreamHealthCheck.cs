using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Health;

/// <summary>
/// The upstream servers' health as the connection manager last saw it; with <c>?probe=true</c> every
/// enabled server is pinged first. The per-server list travels in the result's data for <see cref="HealthResponseWriter"/>.
/// </summary>
internal sealed class UpstreamHealthCheck(McpConnectionManager manager, IHttpContextAccessor httpContextAccessor) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "upstreams";

    /// <summary>The key of the <see cref="ServerHealth"/> list in the result's data.</summary>
    public const string ServersKey = "servers";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = WantsProbe(httpContextAccessor.HttpContext)
            ? await manager.ProbeAllAsync(cancellationToken)
            : manager.GetHealth();
        var data = new Dictionary<string, object> { [ServersKey] = servers };
        var status = OverallHealth.Of(servers);
        return new HealthCheckResult(status, OverallHealth.Describe(servers), data: data);
    }

    /// <summary>Whether the request asks for an active check with <c>?probe=true</c>.</summary>
    public static bool WantsProbe(HttpContext? httpContext) =>
        httpContext?.Request.Query["probe"] is { Count: > 0 } values
        && bool.TryParse(values[0], out var probe) && probe;
}
