using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Cli;

/// <summary>How servers, transports and states are written in command output.</summary>
internal static class ServerText
{
    /// <summary>The transport as written in the registry file.</summary>
    public static string Transport(McpTransportKind transport) => KindNames.Of(transport);

    /// <summary>The state for people: <c>not configured</c>, <c>connected</c>...</summary>
    public static string State(ServerState state) => ServerStateText.Describe(state);

    /// <summary>The state for machines: <c>not_configured</c>, <c>connected</c>...</summary>
    public static string StateId(ServerState state) => ServerStateText.Id(state);

    /// <summary>The prefix of the server's exposed names.</summary>
    public static string Prefix(McpServerConfig server) =>
        server.Prefix.Length == 0 ? "no prefix" : $"prefix {server.Prefix}";

    /// <summary>
    /// Where the server points, as written (variables unexpanded, so no secret is shown): the URL without
    /// user info, query or fragment for HTTP, the command line for stdio.
    /// </summary>
    public static string Target(McpServerConfig server) => server.Transport == McpTransportKind.Stdio
        ? CommandLine(server.Command, server.Args)
        : server.Url is null ? "(no url)" : UrlWithoutSecrets(server.Url);

    /// <summary><paramref name="url"/> without its user info, query string and fragment, which may hold credentials.</summary>
    public static string UrlWithoutSecrets(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            url = url[..end];
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOf('/', authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        return at < 0 ? url : url[..authorityStart] + url[(authorityStart + at + 1)..];
    }

    private static string CommandLine(string? command, IReadOnlyList<string> args) =>
        string.Join(' ', new[] { command ?? "(no command)" }.Concat(args).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'')
            ? word
            : $"\"{word.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
