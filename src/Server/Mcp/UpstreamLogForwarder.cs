using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Connections;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but /mcp sessions speak 2025-11-25, where clients expect upstream logs.

namespace Tributary.Server.Mcp;

/// <summary>
/// Passes an upstream's <c>notifications/message</c> on to the <c>/mcp</c> sessions that called that upstream's
/// tools, at or above the level each session chose with <c>logging/setLevel</c> (none chosen: nothing sent, as
/// the SDK does for its own log messages). The logger name is prefixed with the server's name.
/// </summary>
internal sealed partial class UpstreamLogForwarder : IDisposable
{
    private readonly McpConnectionManager _manager;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ForwardingSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Starts listening to <paramref name="manager"/>'s upstream notifications.</summary>
    public UpstreamLogForwarder(McpConnectionManager manager, ILogger<UpstreamLogForwarder> logger)
    {
        _manager = manager;
        _logger = logger;
        _manager.NotificationReceived += OnNotificationAsync;
    }

    /// <summary>Runs one stateful session, known to the forwarder while it lives.</summary>
    public async Task RunSessionAsync(McpServer server, CancellationToken cancellationToken)
    {
        var id = server.SessionId ?? Guid.NewGuid().ToString("N");
        _sessions[id] = new ForwardingSession(server);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            _sessions.TryRemove(id, out _);
        }
    }

    /// <summary>Records that session <paramref name="sessionId"/> called a tool of <paramref name="serverName"/>.</summary>
    public void UsedUpstream(string? sessionId, string serverName)
    {
        if (sessionId is not null && _sessions.TryGetValue(sessionId, out var session))
        {
            session.Used(serverName);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _manager.NotificationReceived -= OnNotificationAsync;

    private async ValueTask OnNotificationAsync(string serverName, JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Method != NotificationMethods.LoggingMessageNotification
            || notification.Params?.Deserialize<LoggingMessageNotificationParams>(McpJsonUtilities.DefaultOptions) is not { } message)
        {
            return;
        }

        var forwarded = new LoggingMessageNotificationParams
        {
            Level = message.Level,
            Logger = message.Logger is null ? serverName : $"{serverName}/{message.Logger}",
            Data = message.Data,
        };
        var recipients = _sessions.Values
            .Where(s => s.HasUsed(serverName) && s.Server.LoggingLevel is { } level && message.Level >= level)
            .ToArray();
        LogForwarding(serverName, message.Level.ToString(), recipients.Length, _sessions.Count);
        await Task.WhenAll(recipients.Select(s => SendAsync(s.Server, serverName, forwarded, cancellationToken)));
    }

    private async Task SendAsync(McpServer server, string serverName, LoggingMessageNotificationParams message, CancellationToken cancellationToken)
    {
        try
        {
            await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, message, McpJsonUtilities.DefaultOptions, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Logging is advisory: a session that just left must not disturb the upstream's message loop.
            LogForwardFailed(serverName, server.SessionId, e);
        }
    }

    [LoggerMessage(3102, LogLevel.Debug, "Log message ({Level}) of MCP server {ServerName} forwarded to {Recipients} of {Sessions} sessions")]
    private partial void LogForwarding(string serverName, string level, int recipients, int sessions);

    [LoggerMessage(3101, LogLevel.Debug, "Could not forward a log message of MCP server {ServerName} to session {SessionId}")]
    private partial void LogForwardFailed(string serverName, string? sessionId, Exception exception);
}
