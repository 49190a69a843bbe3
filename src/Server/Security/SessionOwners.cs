using System.Collections.Concurrent;
using System.Security.Claims;

namespace Tributary.Server.Security;

/// <summary>Which identity created each live <c>/mcp</c> session (<see cref="CallerIdentity.Owner"/>), while it lives.</summary>
internal sealed class SessionOwners
{
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="user"/> created <paramref name="sessionId"/>.</summary>
    public void Add(string sessionId, ClaimsPrincipal user)
    {
        if (CallerIdentity.Owner(user) is { } owner)
        {
            _owners[sessionId] = owner;
        }
    }

    /// <summary>Forgets <paramref name="sessionId"/>, which has ended.</summary>
    public void Remove(string sessionId) => _owners.TryRemove(sessionId, out _);

    /// <summary>Whether <paramref name="sessionId"/> is live and was created by someone other than <paramref name="user"/>.</summary>
    public bool BelongsToAnother(string sessionId, ClaimsPrincipal user) =>
        _owners.TryGetValue(sessionId, out var owner) && !string.Equals(owner, CallerIdentity.Owner(user), StringComparison.Ordinal);
}
