namespace Tributary.McpClientRegistry.Configuration;

/// <summary>How Tributary authenticates to an upstream HTTP MCP server.</summary>
public enum McpAuthKind
{
    /// <summary>No credentials are sent (<c>none</c>); the default.</summary>
    None,

    /// <summary><c>Authorization: Bearer</c> with the token read from <c>auth_token_env</c> (<c>bearer</c>).</summary>
    Bearer,

    /// <summary>The literal <c>headers</c> map, after <c>${VAR}</c> expansion (<c>header</c>).</summary>
    Header,

    /// <summary>
    /// OAuth 2.1 as the MCP authorization spec describes it (<c>oauth</c>): Tributary is the OAuth client, with a token
    /// obtained by <c>tributary auth login</c> (authorization code) or by itself (client credentials).
    /// </summary>
    OAuth,
}
