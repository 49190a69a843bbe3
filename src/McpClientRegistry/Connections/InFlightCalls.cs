using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The tool calls in flight to one server, each under a fresh key that goes out as the call's progress token, so
/// what the server sends about a call (progress, and what <see cref="CallMarker"/> marks as having come on the call's
/// own response stream) finds the call's <see cref="CallContext"/>. One table per connection, never shared.
/// </summary>
internal sealed class InFlightCalls
{
    private readonly Dictionary<string, CallContext> _calls = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastKey;

    /// <summary>Tracks a call for <paramref name="context"/> until the result is disposed.</summary>
    public Registration Register(CallContext context)
    {
        // Unique per connection is enough: only this server sees the keys, and it sees every one of them anyway.
        // A counter, not a GUID: Guid.NewGuid is a system call, a few percent of a forwarded call's CPU.
        var key = Interlocked.Increment(ref _lastKey).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _calls.Add(key, context);
        }

        return new Registration(this, key);
    }

    /// <summary>The call registered under <paramref name="key"/>, or <see langword="null"/>.</summary>
    public CallContext? Find(string? key)
    {
        if (key is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _calls.GetValueOrDefault(key);
        }
    }

    /// <summary>
    /// The call a message belongs to: the one its <paramref name="key"/> names (none once that call has ended: the
    /// message is still about it), else, when the transport could not say which call it came with, the only call in
    /// flight; <see langword="null"/> when none or several are.
    /// </summary>
    /// <param name="key">The call's key found on the message, if any.</param>
    /// <param name="inFlight">How many calls are in flight.</param>
    public CallContext? Attribute(string? key, out int inFlight)
    {
        lock (_gate)
        {
            inFlight = _calls.Count;
            if (key is not null)
            {
                return _calls.GetValueOrDefault(key);
            }

            return inFlight == 1 ? _calls.Values.First() : null;
        }
    }

    /// <summary>
    /// Who answers a <paramref name="method"/> request from <paramref name="serverName"/> that carried
    /// <paramref name="key"/> (or none); throws an <see cref="McpException"/> the server receives when nobody may.
    /// </summary>
    public IUpstreamRequestRelay RelayFor(string serverName, string method, string? key)
    {
        var call = Attribute(key, out var inFlight);
        if (call is null && key is null && inFlight > 1)
        {
            throw new McpException($"Tributary cannot tell which of the {inFlight} calls in flight to MCP server '{serverName}' this {method} belongs to, so it was not forwarded to any client");
        }

        return call?.Requests
            ?? throw new McpException($"Tributary cannot answer a request from MCP server '{serverName}' here: nothing is connected that could (sampling and elicitation reach a client of /mcp only during its tool calls)");
    }

    private void Remove(string key)
    {
        lock (_gate)
        {
            _calls.Remove(key);
        }
    }

    /// <summary>One call's registration: its key, sent as the request's progress token.</summary>
    public readonly struct Registration(InFlightCalls owner, string key) : IDisposable
    {
        /// <summary>The call's key.</summary>
        public string Key => key;

        /// <summary>The progress token to send with the request.</summary>
        public ProgressToken Token => new(key);

        /// <inheritdoc />
        public void Dispose() => owner.Remove(key);
    }
}
