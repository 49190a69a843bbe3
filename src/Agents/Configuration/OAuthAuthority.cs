using System.Net;

namespace Tributary.Agents.Configuration;

/// <summary>The rule for <c>host.oauth.authority</c>: https, or http for an issuer on this machine.</summary>
public static class OAuthAuthority
{
    /// <summary>
    /// Whether <paramref name="authority"/> may be trusted for signing keys: https anywhere; http only on loopback,
    /// where nobody between can swap the keys (a local identity provider, a test issuer).
    /// </summary>
    public static bool IsAllowed(Uri authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return authority.Scheme == Uri.UriSchemeHttps || IsLoopback(authority);
    }

    /// <summary>Whether <paramref name="authority"/> names this machine.</summary>
    public static bool IsLoopback(Uri authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return authority.IsLoopback || (IPAddress.TryParse(authority.Host, out var address) && IPAddress.IsLoopback(address));
    }
}
