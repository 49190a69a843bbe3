using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

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
    private readonly DownstreamCalls _owner;
    private readonly OrderedSends _sends = new();

    internal DownstreamCall(DownstreamCalls owner, string serverName, McpServer server, ProgressToken? progressToken)
    {
        _owner = owner;
        ServerName = serverName;
        Server = server;
        Progress = progressToken is { } token ? new ProgressSink(this, token) : null;
    }

    /// <summary>The registry name of the upstream server the call went to.</summary>
    public string ServerName { get; }

    /// <summary>The calling request's server: what is sent through it goes on the call's response stream.</summary>
    public McpServer Server { get; }

    /// <summary>Where the upstream's progress goes, or <see langword="null"/> when the client asked for none.</summary>
    public IProgress<ProgressNotificationValue>? Progress { get; }

    /// <summary>Queues <paramref name="message"/> for the client, behind what came before it.</summary>
    public void Log(LoggingMessageNotificationParams message) =>
        _sends.QueueLog(Server, message);

    /// <summary>Ends the call: what the upstream sends from now goes elsewhere, and what it sent so far is delivered first.</summary>
    public async ValueTask DisposeAsync()
    {
        _owner.End(this);
        await _sends.DrainAsync();
    }

    private sealed class ProgressSink(DownstreamCall call, ProgressToken token) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => call._sends.Queue(() => call.Server.NotifyProgressAsync(token, value));
    }
}
