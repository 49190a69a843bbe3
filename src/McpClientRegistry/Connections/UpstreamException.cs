namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A request could not be served by an upstream MCP server. The message names the server and the
/// reason and is safe to show to users and models: it never holds a secret.
/// </summary>
public sealed class UpstreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UpstreamException(string serverName, UpstreamFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerName = serverName;
        Kind = kind;
    }

    /// <summary>The registry name of the server concerned.</summary>
    public string ServerName { get; }

    /// <summary>What went wrong.</summary>
    public UpstreamFailureKind Kind { get; }
}
