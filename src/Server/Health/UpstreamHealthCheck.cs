using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Health;

/// <summary>
/// The upstream servers' health as the connection manager last saw it or, registered with <paramref name="probe"/>,
/// after pinging every enabled server (one round shared by concurrent and recent probes, <see cref="CoalescedProbe{T}"/>).
/// The per-server list travels in the result's data for <see cref="HealthResponseWriter"/>.
/// </summary>
internal sealed class UpstreamHealthCheck(McpConnectionManager manager, CoalescedProbe<IReadOnlyList<ServerHealth>> rounds, bool probe) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "upstreams";

    /// <summary>The key of the <see cref="ServerHealth"/> list in the result's data.</summary>
    public const string ServersKey = "servers";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = probe ? await rounds.RunAsync(manager.ProbeAllAsync, cancellationToken) : manager.GetHealth();
        var data = new Dictionary<string, object> { [ServersKey] = servers };
        var status = OverallHealth.Of(servers);
        return new HealthCheckResult(status, OverallHealth.Describe(servers), data: data);
    }
}
