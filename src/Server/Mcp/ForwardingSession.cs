using System.Collections.Concurrent;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>One live <c>/mcp</c> session and the upstream servers whose tools it called.</summary>
internal sealed class ForwardingSession(McpServer server)
{
    private readonly ConcurrentDictionary<string, byte> _upstreams = new(StringComparer.Ordinal);

    /// <summary>The session's server, for notifications that belong to no request.</summary>
    public McpServer Server { get; } = server;

    /// <summary>Records that the session used <paramref name="serverName"/>.</summary>
    public void Used(string serverName) => _upstreams.TryAdd(serverName, 0);

    /// <summary>Whether the session used <paramref name="serverName"/>.</summary>
    public bool HasUsed(string serverName) => _upstreams.ContainsKey(serverName);
}
