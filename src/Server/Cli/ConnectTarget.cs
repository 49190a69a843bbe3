namespace Tributary.Server.Cli;

/// <summary>Where a client reaches <c>/mcp</c>, and how it authenticates.</summary>
/// <param name="Url">The endpoint, e.g. <c>http://127.0.0.1:8420/mcp</c>.</param>
/// <param name="KeyIsSet">Whether <c>TRIBUTARY_MCP_KEY</c> is set, so clients must send it.</param>
/// <param name="Key">The key itself, only with <c>--show-key</c>.</param>
internal sealed record ConnectTarget(string Url, bool KeyIsSet, string? Key)
{
    /// <summary>The URL clients use for the host listening on <paramref name="urls"/> (<c>--urls</c>, <c>TRIBUTARY_URLS</c>): the first one, wildcard hosts as loopback.</summary>
    public static string McpUrlFor(string urls)
    {
        string first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? Host.TributaryHostOptions.DefaultUrls;
        var builder = new UriBuilder(first.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "127.0.0.1";
        }

        builder.Path = builder.Path.TrimEnd('/') + "/mcp";
        return builder.Uri.ToString();
    }
}
