using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but upstream sessions speak 2025-11-25, where servers log.

namespace Tributary.Server.Mcp;

/// <summary>
/// Writes the <c>notifications/message</c> an upstream sends outside any call (or that cannot be told apart between
/// several calls) into Tributary's own log, not to clients of <c>/mcp</c>: no session can be shown to have caused
/// them, and another session's data must not reach a client. A call's own log messages reach its caller
/// (<see cref="DownstreamCall"/>).
/// </summary>
internal sealed partial class UpstreamLogForwarder(McpConnectionManager manager, ILogger<UpstreamLogForwarder> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        manager.LogReceived += OnLog;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        manager.LogReceived -= OnLog;
        return Task.CompletedTask;
    }

    // An upstream's error is not Tributary's: its levels are kept up to warning.
    private void OnLog(string serverName, LoggingMessageNotificationParams message)
    {
        var level = message.Level switch
        {
            LoggingLevel.Debug => LogLevel.Debug,
            LoggingLevel.Info or LoggingLevel.Notice => LogLevel.Information,
            _ => LogLevel.Warning,
        };
        if (logger.IsEnabled(level))
        {
            var upstreamLevel = message.Level.ToString();
            var data = manager.RedactSecrets(message.Data.ToString());
            LogUnattributed(level, serverName, upstreamLevel, message.Logger ?? string.Empty, data);
        }
    }

    [LoggerMessage(EventId = 3103, Message = "MCP server {ServerName} logged outside any one call ({UpstreamLevel}, logger '{UpstreamLogger}'): {Data}")]
    private partial void LogUnattributed(LogLevel level, string serverName, string upstreamLevel, string upstreamLogger, string data);
}
