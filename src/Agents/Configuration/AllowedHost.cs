namespace Tributary.Agents.Configuration;

/// <summary>The rule for an entry of <c>host.allowed_hosts</c>: a host name as ASP.NET host filtering matches it, with no scheme or port.</summary>
internal static class AllowedHost
{
    /// <summary>What is wrong with <paramref name="text"/> as an allowed host and how to fix it, or <see langword="null"/> when it is one.</summary>
    public static string? Problem(string text) => IsValid(text) ? null
        : $"'{text}' is not a host name; write the name alone, without scheme, port or path, e.g. 'tributary.example.com', '*.example.com' for its subdomains, or '*' for any";

    private static bool IsValid(string text)
    {
        if (text.Length == 0 || text.Any(c => char.IsWhiteSpace(c) || c is '/' or '@' or ';'))
        {
            return false;
        }

        // An IPv6 address is bracketed ([::1]); anywhere else a colon starts a port, which host filtering does not take.
        return text.StartsWith('[') ? text.EndsWith(']') : !text.Contains(':', StringComparison.Ordinal);
    }
}
