using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>One live <c>/mcp</c> session.</summary>
internal sealed class ForwardingSession(string id, McpServer server)
{
    /// <summary>The session's id.</summary>
    public string Id { get; } = id;

    /// <summary>The session's server, for notifications that belong to no request.</summary>
    public McpServer Server { get; } = server;
}
