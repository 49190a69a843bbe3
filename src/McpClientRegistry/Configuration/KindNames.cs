namespace Tributary.McpClientRegistry.Configuration;

/// <summary>How transports and auth types are spelt in the registry file.</summary>
public static class KindNames
{
    /// <summary>The valid <c>transport</c> values, as listed in error messages.</summary>
    public const string TransportChoices = "streamable-http (the default; alias streamable_http), sse, stdio";

    /// <summary>The valid <c>auth_type</c> values, as listed in error messages.</summary>
    public const string AuthChoices = "bearer, header, oauth, none (the default)";

    /// <summary>Reads a <c>transport</c> value, ignoring case.</summary>
    public static McpTransportKind? ParseTransport(string text) => text.ToLowerInvariant() switch
    {
        "streamable-http" or "streamable_http" => McpTransportKind.StreamableHttp,
        "sse" => McpTransportKind.Sse,
        "stdio" => McpTransportKind.Stdio,
        _ => null,
    };

    /// <summary>Reads an <c>auth_type</c> value, ignoring case.</summary>
    public static McpAuthKind? ParseAuth(string text) => text.ToLowerInvariant() switch
    {
        "bearer" => McpAuthKind.Bearer,
        "header" => McpAuthKind.Header,
        "oauth" => McpAuthKind.OAuth,
        "none" => McpAuthKind.None,
        _ => null,
    };

    /// <summary>How <paramref name="kind"/> is written in the file.</summary>
    public static string Of(McpTransportKind kind) => kind switch
    {
        McpTransportKind.Sse => "sse",
        McpTransportKind.Stdio => "stdio",
        _ => "streamable-http",
    };

    /// <summary>How <paramref name="kind"/> is written in the file.</summary>
    public static string Of(McpAuthKind kind) => kind switch
    {
        McpAuthKind.Bearer => "bearer",
        McpAuthKind.Header => "header",
        McpAuthKind.OAuth => "oauth",
        _ => "none",
    };
}
