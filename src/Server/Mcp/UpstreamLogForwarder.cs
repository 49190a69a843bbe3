using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but /mcp sessions speak 2025-11-25, where clients expect upstream logs.

namespace Tributary.Server.Mcp;

/// <summary>
/// Passes an upstream's <c>notifications/message</c> on to the <c>/mcp</c> sessions that called that upstream's
/// tools, at or above the level each session chose with <c>logging/setLevel</c> (none chosen: nothing sent, as
/// the SDK does for its own log messages). The logger name is prefixed with the server's name.
/// A session with a call in flight to that upstream gets it on that call's response stream, before the result
/// (<see cref="DownstreamCall"/>); any other, on its standalone stream.
/// </summary>
internal sealed partial class UpstreamLogForwarder : IDisposable
{
    private readonly McpConnectionManager _manager;
    private readonly DownstreamSessions _sessions;
    private readonly DownstreamCalls _calls;
    private readonly ILogger _logger;

    /// <summary>Starts listening to <paramref name="manager"/>'s upstream log messages.</summary>
    public UpstreamLogForwarder(McpConnectionManager manager, DownstreamSessions sessions, DownstreamCalls calls, ILogger<UpstreamLogForwarder> logger)
    {
        _manager = manager;
        _sessions = sessions;
        _calls = calls;
        _logger = logger;
        _manager.LogReceived += OnLog;
    }

    /// <summary>Records that session <paramref name="sessionId"/> called a tool of <paramref name="serverName"/>.</summary>
    public void UsedUpstream(string? sessionId, string serverName) => _sessions.Find(sessionId)?.Used(serverName);

    /// <inheritdoc />
    public void Dispose() => _manager.LogReceived -= OnLog;

    // On the upstream session's read loop: only queues, so the order holds and the loop never waits on a client.
    private void OnLog(string serverName, LoggingMessageNotificationParams message)
    {
        var forwarded = new LoggingMessageNotificationParams
        {
            Level = message.Level,
            Logger = message.Logger is null ? serverName : $"{serverName}/{message.Logger}",
            Data = message.Data,
        };
        var recipients = 0;
        var sessions = _sessions.All;
        foreach (var session in sessions)
        {
            if (session.Server.LoggingLevel is not { } level || message.Level < level)
            {
                continue;
            }

            if (_calls.LatestFrom(session.Id, serverName) is { } call)
            {
                call.Log(forwarded);
                recipients++;
            }
            else if (session.HasUsed(serverName))
            {
                session.Log(forwarded);
                recipients++;
            }
        }

        LogForwarding(serverName, message.Level.ToString(), recipients, sessions.Count);
    }

    [LoggerMessage(3102, LogLevel.Debug, "Log message ({Level}) of MCP server {ServerName} forwarded to {Recipients} of {Sessions} sessions")]
    private partial void LogForwarding(string serverName, string level, int recipients, int sessions);
}
