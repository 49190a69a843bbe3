using System.Security.Claims;

namespace Tributary.Server.Security;

/// <summary>The scopes an access token grants: its <c>scope</c> claim (space-separated, RFC 9068) or <c>scp</c> (one claim per scope, or space-separated).</summary>
internal static class CallerScopes
{
    /// <summary>Whether <paramref name="user"/>'s token grants <paramref name="scope"/>.</summary>
    public static bool Has(ClaimsPrincipal? user, string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (user is null)
        {
            return false;
        }

        foreach (var claim in user.Claims)
        {
            if (claim.Type is "scope" or "scp"
                && claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
