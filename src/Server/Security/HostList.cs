namespace Tributary.Server.Security;

/// <summary>Matches a host name against an allowed-hosts list the way ASP.NET host filtering does.</summary>
internal static class HostList
{
    /// <summary>
    /// True when <paramref name="host"/> is in <paramref name="allowed"/>: <c>*</c> matches any host,
    /// <c>*.example.com</c> any subdomain, anything else the exact name (case-insensitive).
    /// </summary>
    public static bool Allows(IReadOnlyList<string> allowed, string host)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (var entry in allowed)
        {
            if (entry == "*"
                || string.Equals(entry, host, StringComparison.OrdinalIgnoreCase)
                || (entry.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
