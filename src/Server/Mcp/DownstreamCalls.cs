using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>
/// The tool calls from clients of <c>/mcp</c> in flight to upstream servers. An upstream's log messages, sampling
/// and elicitation requests carry no link to the call that caused them, so they go to the most recent call still in
/// flight to that server (from the session concerned, for logs).
/// </summary>
internal sealed class DownstreamCalls
{
    private readonly List<DownstreamCall> _calls = [];
    private readonly Lock _gate = new();

    /// <summary>Starts tracking <paramref name="request"/>'s call to <paramref name="serverName"/> until the result is disposed.</summary>
    public DownstreamCall Begin(string serverName, RequestContext<CallToolRequestParams> request)
    {
        var call = new DownstreamCall(this, serverName, request.Server, request.Params?.ProgressToken);
        lock (_gate)
        {
            _calls.Add(call);
        }

        return call;
    }

    /// <summary>The most recent call in flight to <paramref name="serverName"/>, from any session.</summary>
    public DownstreamCall? LatestTo(string serverName) => Latest(call => call.ServerName == serverName);

    /// <summary>The most recent call in flight to <paramref name="serverName"/> from session <paramref name="sessionId"/>.</summary>
    public DownstreamCall? LatestFrom(string sessionId, string serverName) =>
        Latest(call => call.ServerName == serverName && call.Server.SessionId == sessionId);

    internal void End(DownstreamCall call)
    {
        lock (_gate)
        {
            _calls.Remove(call);
        }
    }

    private DownstreamCall? Latest(Func<DownstreamCall, bool> match)
    {
        lock (_gate)
        {
            return _calls.FindLast(c => match(c));
        }
    }
}
