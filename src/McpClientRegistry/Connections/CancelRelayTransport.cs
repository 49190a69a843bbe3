using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A session transport that sends <c>notifications/cancelled</c> for a request whose sending was cancelled, and
/// hands progress to its call as it is read (<see cref="UpstreamProgress"/>).
/// </summary>
/// <remarks>
/// The SDK client announces a cancellation only once the request has been sent. Over streamable HTTP,
/// sending a request lasts until its response has arrived (the answer comes back on the POST), so a call
/// cancelled while the server works on it aborts the POST and the server never hears of it. This sends
/// the notification in that case; when sending had completed, the SDK sends it itself, so it never goes twice.
/// </remarks>
internal sealed partial class CancelRelayTransport(ITransport inner, string serverName, ILogger logger) : ITransport
{
    private static readonly TimeSpan s_notifyBound = TimeSpan.FromSeconds(5);

    // Progress goes to its call as it is read, ahead of the result behind it (see UpstreamProgress).
    private readonly ObservedMessageReader _reader = new(inner.MessageReader, UpstreamProgress.Observe);

    /// <inheritdoc />
    public string? SessionId => inner.SessionId;

    /// <inheritdoc />
    public ChannelReader<JsonRpcMessage> MessageReader => _reader;

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
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();

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

    [LoggerMessage(1012, LogLevel.Debug, "Sent notifications/cancelled to {ServerName} for {Method} request {RequestId}")]
    private static partial void LogCancelSent(ILogger logger, string serverName, string method, string requestId);

    [LoggerMessage(1013, LogLevel.Debug, "Could not send notifications/cancelled to {ServerName} for {Method} request {RequestId}: {Reason}")]
    private static partial void LogCancelNotSent(ILogger logger, string serverName, string method, string requestId, string reason);
}
