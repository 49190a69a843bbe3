using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A session transport that sends <c>notifications/cancelled</c> for a request whose sending was cancelled, and
/// hands progress and log messages to the call they belong to (<see cref="InFlightCalls"/>) as they are read, ahead of
/// the result behind them.
/// </summary>
/// <remarks>
/// The SDK client announces a cancellation only once the request has been sent. Over streamable HTTP,
/// sending a request lasts until its response has arrived (the answer comes back on the POST), so a call
/// cancelled while the server works on it aborts the POST and the server never hears of it. This sends
/// the notification in that case; when sending had completed, the SDK sends it itself, so it never goes twice.
/// </remarks>
/// <param name="inner">The SDK transport.</param>
/// <param name="serverName">The server's registry name, for logs.</param>
/// <param name="calls">The calls in flight to the server, which progress and log messages are handed to.</param>
/// <param name="onLog">
/// Called on the read loop, in the order they came, for each <c>notifications/message</c> that belongs to no call (or to
/// one whose caller takes no log messages); must not block.
/// </param>
/// <param name="logger">Where the transport logs.</param>
/// <param name="injectable">Whether messages read off a response by someone else may be handed to the session (<see cref="Inject"/>).</param>
internal sealed partial class CancelRelayTransport(ITransport inner, string serverName, InFlightCalls calls, Action<LoggingMessageNotificationParams> onLog, ILogger logger, bool injectable = false) : ITransport
{
    private static readonly TimeSpan s_notifyBound = TimeSpan.FromSeconds(5);

    private readonly Channel<JsonRpcMessage>? _injected = injectable ? Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true }) : null;
    private ObservedMessageReader? _reader;

    /// <inheritdoc />
    public string? SessionId => inner.SessionId;

    /// <inheritdoc />
    public ChannelReader<JsonRpcMessage> MessageReader => _reader ??= new ObservedMessageReader(inner.MessageReader, Observe, _injected?.Reader);

    /// <summary>
    /// Hands the session a message that came on a response Tributary read itself, to be handled (and answered, if it is
    /// a request) as if the transport had read it; false when this transport takes no such messages or is closed.
    /// </summary>
    public bool Inject(JsonRpcMessage message) => _injected?.Writer.TryWrite(message) ?? false;

    /// <summary>
    /// Handles a progress or log notification that came on a response Tributary read itself, at once and in order, as
    /// the session's read loop does for the transport's own (<see cref="Observe"/>).
    /// </summary>
    public void ObserveRead(JsonRpcNotification notification) => Observe(notification);

    /// <summary>Tells the server that request <paramref name="id"/> (<paramref name="method"/>) was cancelled.</summary>
    public Task NotifyCancelledAsync(RequestId id, string method) => NotifyCancelledAsync(new JsonRpcRequest { Id = id, Method = method });

    /// <inheritdoc />
    public async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.SendMessageAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested
            && message is JsonRpcRequest request
            && request.Method != RequestMethods.Initialize)
        {
            await NotifyCancelledAsync(request);
            throw;
        }
        catch (McpProtocolException e) when (message is JsonRpcRequest)
        {
            // Thrown while sending, so the server refused the request itself rather than answering it.
            RejectedUnprocessed.Mark(e);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _injected?.Writer.TryComplete();
        return inner.DisposeAsync();
    }

    // Seen as the session reads them, not on the SDK's per-message tasks, which may handle a call's result first
    // (and drop a progress tick that arrives after it): a proxy would lose and reorder what came just before a result.
    private void Observe(JsonRpcMessage message)
    {
        if (message is not JsonRpcNotification { Params: JsonObject parameters } notification)
        {
            return;
        }

        try
        {
            if (notification.Method == NotificationMethods.ProgressNotification)
            {
                ReportProgress(parameters);
            }
            else if (notification.Method == NotificationMethods.LoggingMessageNotification)
            {
                Log(parameters);
            }
        }
        catch (Exception e)
        {
            // Progress and logs are advisory, and this runs in the session's read loop: a failing handler must not end it.
            LogLogHandlerFailed(logger, serverName, e);
        }
    }

    private void ReportProgress(JsonObject parameters)
    {
        if (parameters["progressToken"] is JsonValue token
            && token.TryGetValue<string>(out var key)
            && calls.Find(key)?.Progress is { } progress
            && parameters.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams))) is ProgressNotificationParams notification)
        {
            progress.Report(notification.Progress);
        }
    }

    // A message marked as having come on a call's response stream goes to that call. Unmarked (stdio, legacy SSE,
    // the standalone GET stream), it goes to the only call in flight, as a request from the server would: whatever
    // the server logs then can only be about that call. With none or several in flight, it goes to Tributary's log.
    private void Log(JsonObject parameters)
    {
        var key = CallMarker.Take(parameters["_meta"] as JsonObject);
        if (parameters.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(LoggingMessageNotificationParams))) is not LoggingMessageNotificationParams log)
        {
            return;
        }

        if (calls.Attribute(key, out _)?.Log is { } callLog)
        {
            callLog(log);
        }
        else
        {
            onLog(log);
        }
    }

    private async Task NotifyCancelledAsync(JsonRpcRequest request)
    {
        var notification = new JsonRpcNotification
        {
            Method = NotificationMethods.CancelledNotification,
            Params = JsonSerializer.SerializeToNode(
                new CancelledNotificationParams { RequestId = request.Id, Reason = "cancelled by the caller" },
                McpJsonUtilities.DefaultOptions),
        };
        using var bound = new CancellationTokenSource(s_notifyBound);
        try
        {
            await inner.SendMessageAsync(notification, bound.Token);
            LogCancelSent(logger, serverName, request.Method, request.Id.ToString());
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or McpException or InvalidOperationException)
        {
            // The session may be gone with the request; the server then drops the request anyway.
            LogCancelNotSent(logger, serverName, request.Method, request.Id.ToString(), e.Message);
        }
    }

    [LoggerMessage(1014, LogLevel.Debug, "A handler of progress or log messages from {ServerName} failed")]
    private static partial void LogLogHandlerFailed(ILogger logger, string serverName, Exception exception);

    [LoggerMessage(1012, LogLevel.Debug, "Sent notifications/cancelled to {ServerName} for {Method} request {RequestId}")]
    private static partial void LogCancelSent(ILogger logger, string serverName, string method, string requestId);

    [LoggerMessage(1013, LogLevel.Debug, "Could not send notifications/cancelled to {ServerName} for {Method} request {RequestId}: {Reason}")]
    private static partial void LogCancelNotSent(ILogger logger, string serverName, string method, string requestId, string reason);
}
