using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>What a new upstream client reports back to the connection that owns it.</summary>
/// <param name="OnNotification">Called for the notifications the server sends other than progress and logging.</param>
/// <param name="OnLog">Called on the session's read loop for each log message, in the order they came; must not block.</param>
/// <param name="OnStderrLine">Called for every line a stdio server writes to standard error.</param>
/// <param name="Relay">Where the server's sampling and elicitation requests go, or <see langword="null"/> (then they fail).</param>
internal sealed record UpstreamCallbacks(
    Func<JsonRpcNotification, CancellationToken, ValueTask> OnNotification,
    Action<LoggingMessageNotificationParams> OnLog,
    Action<string> OnStderrLine,
    Func<IUpstreamRequestRelay?>? Relay = null);
