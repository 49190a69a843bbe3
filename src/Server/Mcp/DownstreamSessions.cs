using System.Collections.Concurrent;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>The live stateful sessions of <c>/mcp</c>, for what reaches a session outside any request of its own.</summary>
internal sealed class DownstreamSessions
{
    private readonly ConcurrentDictionary<string, ForwardingSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Raised with a session's id once it has ended.</summary>
    public event Action<string>? Ended;

    /// <summary>The sessions live now.</summary>
    public ICollection<ForwardingSession> All => _sessions.Values;

    /// <summary>How many sessions are live now.</summary>
    public int Count => _sessions.Count;

    /// <summary>
    /// Runs one stateful session, known here while it lives. A 2026-07-28 request (a server without a session id)
    /// only runs: it lives no longer than its POST and nothing outside it can reach its client, so nothing keeps it.
    /// </summary>
    public async Task RunSessionAsync(McpServer server, CancellationToken cancellationToken)
    {
        if (server.SessionId is not { } id)
        {
            await server.RunAsync(cancellationToken);
            return;
        }

        _sessions[id] = new ForwardingSession(id, server);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            _sessions.TryRemove(id, out _);
            Ended?.Invoke(id);
        }
    }

    /// <summary>The live session <paramref name="sessionId"/>, or <see langword="null"/>.</summary>
    public ForwardingSession? Find(string? sessionId) =>
        sessionId is not null && _sessions.TryGetValue(sessionId, out var session) ? session : null;
}
