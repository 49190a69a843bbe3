using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Health;

/// <summary>A point-in-time view of one upstream server. Holds no secret.</summary>
public sealed record ServerHealth
{
    /// <summary>The registry name.</summary>
    public required string Name { get; init; }

    /// <summary>The configured transport.</summary>
    public McpTransportKind Transport { get; init; }

    /// <summary>The registry description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The current state.</summary>
    public ServerState State { get; init; }

    /// <summary>Why the server is failed or not configured; <see langword="null"/> when it is fine.</summary>
    public string? LastError { get; init; }

    /// <summary>When the server last answered successfully.</summary>
    public DateTimeOffset? LastSuccess { get; init; }

    /// <summary>When the server's state was last checked (by a connection, a call or a probe).</summary>
    public DateTimeOffset? LastCheck { get; init; }

    /// <summary>The number of tools exposed from this server.</summary>
    public int ToolCount { get; init; }

    /// <summary>The round-trip time of the last cheap request (ping).</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>When the next automatic connection attempt may happen, while failed.</summary>
    public DateTimeOffset? NextAttempt { get; init; }

    /// <summary>
    /// For an <c>auth_type: oauth</c> server, where its authorization stands: <c>needs login</c>,
    /// <c>authorized (expires ...)</c> or <c>refresh failed (reason)</c>; <see langword="null"/> for other servers.
    /// </summary>
    public string? Auth { get; init; }
}
