using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>What a new upstream client reports back to the connection that owns it.</summary>
/// <param name="OnNotification">Called for the notifications the server sends other than progress and logging.</param>
/// <param name="OnLog">Called on the session's read loop for each log message that belongs to no call, in the order they came; must not block.</param>
/// <param name="OnStderrLine">Called for every line a stdio server writes to standard error.</param>
/// <param name="Calls">The calls in flight to the server: what it sends about one (progress, logs, sampling, elicitation) goes to that call.</param>
internal sealed record UpstreamCallbacks(
    Func<JsonRpcNotification, CancellationToken, ValueTask> OnNotification,
    Action<LoggingMessageNotificationParams> OnLog,
    Action<string> OnStderrLine,
    InFlightCalls Calls);
