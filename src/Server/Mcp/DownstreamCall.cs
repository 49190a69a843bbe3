using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Connections;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but /mcp sessions speak 2025-11-25, where clients expect upstream logs.

namespace Tributary.Server.Mcp;

/// <summary>
/// One <c>tools/call</c> from a client of <c>/mcp</c> while it is in flight to its upstream server. What the upstream
/// sends for it, progress and log messages, reaches the client on this call's own response stream, one after another
/// in the order the upstream sent them, and all of it before the result: disposing waits for them.
/// </summary>
/// <remarks>
/// The call's stream, not the session's standalone GET stream: a client need not open that one (the SDK drops
/// notifications for it until it does), while the stream of a request it is waiting on is always there.
/// </remarks>
internal sealed class DownstreamCall : IAsyncDisposable
{
    private readonly OrderedSends _sends = new();
    private readonly string _serverName;
    private readonly McpServer _server;

    /// <summary>Starts a call of <paramref name="request"/> to <paramref name="serverName"/>; <paramref name="relay"/> answers its upstream's requests.</summary>
    public DownstreamCall(string serverName, RequestContext<CallToolRequestParams> request, IUpstreamRequestRelay relay)
    {
        _serverName = serverName;
        _server = request.Server;
        Context = new CallContext
        {
            Progress = request.Params?.ProgressToken is { } token ? new ProgressSink(this, token) : null,
            Log = Log,
            Requests = relay,
        };
    }

    /// <summary>What the call carries to the upstream: this call's progress, log and request routes.</summary>
    public CallContext Context { get; }

    /// <summary>Ends the call: what the upstream sent so far is delivered first.</summary>
    public async ValueTask DisposeAsync() => await _sends.DrainAsync();

    // At or above the level the session chose with logging/setLevel (none chosen: nothing, as the SDK does for its
    // own log messages), under a logger name that says which server sent it.
    private void Log(LoggingMessageNotificationParams message)
    {
        if (_server.LoggingLevel is not { } level || message.Level < level)
        {
            return;
        }

        _sends.QueueLog(_server, new LoggingMessageNotificationParams
        {
            Level = message.Level,
            Logger = message.Logger is null ? _serverName : $"{_serverName}/{message.Logger}",
            Data = message.Data,
        });
    }

    private sealed class ProgressSink(DownstreamCall call, ProgressToken token) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => call._sends.Queue(() => call._server.NotifyProgressAsync(token, value));
    }
}
