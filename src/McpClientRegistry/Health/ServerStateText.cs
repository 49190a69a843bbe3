namespace Tributary.McpClientRegistry.Health;

/// <summary>How server states are written for people and for machines.</summary>
public static class ServerStateText
{
    /// <summary>For people: <c>not configured</c>, <c>connected</c>, <c>failed</c>...</summary>
    public static string Describe(ServerState state) => state switch
    {
        ServerState.NotConfigured => "not configured",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>For machines (JSON): <c>not_configured</c>, <c>connected</c>, <c>failed</c>...</summary>
    public static string Id(ServerState state) => Describe(state).Replace(' ', '_');

    /// <summary>Why a server in <paramref name="health"/> cannot serve a request, as a clause: <c>failed: Connection refused</c>.</summary>
    public static string WhyUnavailable(ServerHealth health) => health.State switch
    {
        ServerState.Disabled => "is disabled",
        ServerState.NotConfigured => $"is not configured: {health.LastError}",
        ServerState.Idle => "has not connected yet",
        ServerState.Connecting => "is still connecting",
        ServerState.Failed => $"failed: {health.LastError}",
        _ => "is connected",
    };
}
