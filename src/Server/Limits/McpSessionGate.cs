using Microsoft.Extensions.Options;
using Tributary.Server.Mcp;

namespace Tributary.Server.Limits;

/// <summary>
/// Keeps the number of <c>/mcp</c> sessions within <see cref="LimitOptions.MaxSessions"/>: a request that would open a
/// session enters only while the live sessions and the requests opening one are fewer than the limit.
/// </summary>
/// <remarks>
/// A session joins <see cref="DownstreamSessions"/> while its <c>initialize</c> request is still being answered, so for
/// that moment it counts twice: a burst may be refused a little early, never let in beyond the limit.
/// </remarks>
internal sealed class McpSessionGate(DownstreamSessions sessions, IOptions<LimitOptions> options)
{
    private int _opening;

    /// <summary>The most sessions kept.</summary>
    public int MaxSessions => options.Value.MaxSessions;

    /// <summary>Whether no session can be opened now.</summary>
    public bool IsFull => Volatile.Read(ref _opening) + sessions.Count >= MaxSessions;

    /// <summary>Takes a place for a request that opens a session; <see langword="false"/> when there is none.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _opening) + sessions.Count > MaxSessions)
        {
            Interlocked.Decrement(ref _opening);
            return false;
        }

        return true;
    }

    /// <summary>Gives back the place taken by <see cref="TryEnter"/> once the request has been answered.</summary>
    public void Exit() => Interlocked.Decrement(ref _opening);
}
