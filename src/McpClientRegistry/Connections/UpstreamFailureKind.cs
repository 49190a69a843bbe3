namespace Tributary.McpClientRegistry.Connections;

/// <summary>Why a request could not be served by its upstream.</summary>
public enum UpstreamFailureKind
{
    /// <summary>The server is disabled in the registry.</summary>
    Disabled,

    /// <summary>The server's configuration cannot be resolved (for example a missing environment variable).</summary>
    NotConfigured,

    /// <summary>The server could not be reached, or is backing off after failing.</summary>
    Unavailable,

    /// <summary>The server did not answer within its <c>timeout</c> or <c>connect_timeout</c>.</summary>
    Timeout,

    /// <summary>The connection died while the request was in flight; it was not replayed.</summary>
    ConnectionLost,

    /// <summary>No server, tool, prompt or resource has that name.</summary>
    NotFound,

    /// <summary>The server does not offer what the request needs (for example resource subscriptions).</summary>
    NotSupported,
}
