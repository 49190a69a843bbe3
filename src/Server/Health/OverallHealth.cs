using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Health;

/// <summary>Folds the servers' states into one status.</summary>
internal static class OverallHealth
{
    /// <summary>
    /// Healthy when every enabled server is usable (connected, idle or connecting); unhealthy when none is;
    /// degraded in between. Disabled servers do not count; a registry with none enabled is healthy.
    /// </summary>
    public static HealthStatus Of(IReadOnlyList<ServerHealth> servers)
    {
        var enabled = servers.Where(s => s.State != ServerState.Disabled).ToList();
        var broken = enabled.Count(IsBroken);
        return broken == 0 ? HealthStatus.Healthy
            : broken == enabled.Count ? HealthStatus.Unhealthy
            : HealthStatus.Degraded;
    }

    /// <summary>A one-line summary for logs: <c>2 of 3 enabled servers failed or not configured</c>.</summary>
    public static string Describe(IReadOnlyList<ServerHealth> servers)
    {
        var enabled = servers.Count(s => s.State != ServerState.Disabled);
        var broken = servers.Count(IsBroken);
        return $"{broken} of {enabled} enabled servers failed or not configured";
    }

    private static bool IsBroken(ServerHealth server) => server.State is ServerState.Failed or ServerState.NotConfigured;
}
