namespace Tributary.Agents.Configuration;

/// <summary>The rule for a listen address of <c>host.urls</c>: what Kestrel binds, <c>http(s)://host:port</c> with no path.</summary>
internal static class ListenUrl
{
    /// <summary>What is wrong with <paramref name="text"/> as a listen address and how to fix it, or <see langword="null"/> when it is one.</summary>
    public static string? Problem(string text) => IsValid(text) ? null
        : $"'{text}' is not a listen address; write the scheme, host and port with no path, e.g. 'http://127.0.0.1:8420' (this machine only) or 'http://0.0.0.0:8420' (every interface)";

    private static bool IsValid(string text)
    {
        // A Unix socket: Kestrel's own form, http://unix:/run/tributary.sock.
        if (text.StartsWith("http://unix:/", StringComparison.Ordinal) || text.StartsWith("https://unix:/", StringComparison.Ordinal))
        {
            return text.Length > "http://unix:/".Length;
        }

        // Kestrel's wildcards '*' and '+' are no host names to Uri; judge the rest with a stand-in host.
        string probe = text.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal);
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            && uri.UserInfo.Length == 0
            && uri.AbsolutePath == "/"
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0;
    }
}
