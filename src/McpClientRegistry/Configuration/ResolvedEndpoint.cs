namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// A server's connection details with every <c>${VAR}</c> expanded and credentials folded into
/// <see cref="Headers"/>. Holds secrets: never log it or put it in an error message.
/// </summary>
public sealed record ResolvedEndpoint
{
    /// <summary>The endpoint of an HTTP transport.</summary>
    public Uri? Url { get; init; }

    /// <summary>The executable of a stdio server.</summary>
    public string? Command { get; init; }

    /// <summary>The arguments of a stdio server.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment variables of a stdio server.</summary>
    public IReadOnlyDictionary<string, string?> Env { get; init; } = new Dictionary<string, string?>();

    /// <summary>The working directory of a stdio server.</summary>
    public string? Cwd { get; init; }

    /// <summary>Headers for every HTTP request, including <c>Authorization</c> for bearer auth.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>For <c>auth_type: oauth</c>: the pre-registered client's secret, read from <c>client_secret_env</c>.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>For <c>auth_type: oauth</c> client credentials: the PEM private key read from <c>client_key_env</c>.</summary>
    public string? ClientKey { get; init; }

    /// <summary>
    /// Every value read from the environment while resolving: each <c>${VAR}</c>'s value and the bearer token. All
    /// count as secrets, wherever they ended up (<c>url</c> path, <c>command</c>, <c>args</c>, ...).
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}
