using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but /mcp sessions speak 2025-11-25, where clients expect upstream logs.

namespace Tributary.Server.Mcp;

/// <summary>One live <c>/mcp</c> session and the upstream servers whose tools it called.</summary>
internal sealed class ForwardingSession(string id, McpServer server)
{
    private readonly ConcurrentDictionary<string, byte> _upstreams = new(StringComparer.Ordinal);
    private readonly OrderedSends _sends = new();

    /// <summary>The session's id.</summary>
    public string Id { get; } = id;

    /// <summary>The session's server, for notifications that belong to no request.</summary>
    public McpServer Server { get; } = server;

    /// <summary>Records that the session used <paramref name="serverName"/>.</summary>
    public void Used(string serverName) => _upstreams.TryAdd(serverName, 0);

    /// <summary>Whether the session used <paramref name="serverName"/>.</summary>
    public bool HasUsed(string serverName) => _upstreams.ContainsKey(serverName);

    /// <summary>Queues <paramref name="message"/> for the session's standalone stream, behind what came before it.</summary>
    public void Log(LoggingMessageNotificationParams message) =>
        _sends.QueueLog(Server, message);
}
