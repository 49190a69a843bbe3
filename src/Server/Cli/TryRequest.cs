using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Cli;

/// <summary>What <c>tributary servers try</c> was asked to do.</summary>
/// <param name="Url">The server's endpoint.</param>
/// <param name="Transport">The transport as written on the command line (<c>streamable-http</c> or <c>sse</c>).</param>
/// <param name="Headers">The <c>--header</c> values, <c>Name: value</c> each.</param>
/// <param name="Tool">The tool to call, if any.</param>
/// <param name="ArgsJson">The call's arguments as JSON, if any.</param>
/// <param name="OAuth">How to authorize when the server asks for OAuth (used only without <c>--header</c>).</param>
internal sealed record TryRequest(string Url, string Transport, IReadOnlyList<string> Headers, string? Tool, string? ArgsJson, TryOAuth OAuth)
{
    /// <summary>What is wrong with the command line, or <see langword="null"/>.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"'{ServerText.UrlWithoutSecrets(Url)}' is not an absolute http:// or https:// URL";
        }

        if (Headers.FirstOrDefault(h => h.IndexOf(':', StringComparison.Ordinal) <= 0) is { } header)
        {
            return $"--header '{header}' must be 'Name: value', such as 'Authorization: Bearer TOKEN'";
        }

        if (ArgsJson is not null && Tool is null)
        {
            return "--args needs --call TOOL";
        }

        return OAuth.Problem();
    }

    /// <summary>
    /// A registry entry for the server: no prefix, so its tools keep their own names. Without <c>--header</c> it is
    /// an OAuth entry, which sends nothing until the server asks for authorization (a 401 with its metadata).
    /// </summary>
    public McpServerConfig ToServerConfig(string name) => Headers.Count > 0 ? Plain(name) : OAuth.Apply(Plain(name) with { AuthType = McpAuthKind.OAuth });

    private McpServerConfig Plain(string name) => new()
    {
        Name = name,
        Prefix = string.Empty,
        Transport = KindNames.ParseTransport(Transport) ?? McpTransportKind.StreamableHttp,
        // The shell has already expanded variables: a '$' here is literal, not a registry ${VAR}.
        Url = Literal(Url),
        AuthType = Headers.Count > 0 ? McpAuthKind.Header : McpAuthKind.None,
        Headers = Headers.Select(SplitHeader).ToDictionary(h => h.Name, h => Literal(h.Value), StringComparer.OrdinalIgnoreCase),
    };

    private static (string Name, string Value) SplitHeader(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return (header[..colon].Trim(), header[(colon + 1)..].Trim());
    }

    private static string Literal(string text) => text.Replace("$", "$$", StringComparison.Ordinal);
}
