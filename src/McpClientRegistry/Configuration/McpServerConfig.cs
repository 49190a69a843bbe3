namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// One entry of the <c>mcp_servers</c> registry, exactly as written: values that may contain
/// <c>${VAR}</c> are kept unexpanded and resolved per connection by <see cref="EndpointResolver"/>,
/// so a missing variable costs only this server.
/// </summary>
/// <remarks>
/// Equality compares values, lists and maps included, and leaves out <see cref="Location"/>: a reload diffs the new
/// registry against the old one by this equality, and an entry that only moved in the file is the same server.
/// </remarks>
public sealed record McpServerConfig
{
    /// <summary>The default per-call timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default time allowed to connect and initialize.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The default largest message read from a server.</summary>
    public const long DefaultMaxMessageSize = 16L * 1024 * 1024;

    /// <summary>The registry key, unique within the registry.</summary>
    public required string Name { get; init; }

    /// <summary>The transport; <see cref="McpTransportKind.StreamableHttp"/> unless configured.</summary>
    public McpTransportKind Transport { get; init; } = McpTransportKind.StreamableHttp;

    /// <summary>The endpoint of an HTTP transport, unexpanded.</summary>
    public string? Url { get; init; }

    /// <summary>The executable of a stdio server, unexpanded.</summary>
    public string? Command { get; init; }

    /// <summary>The arguments of a stdio server, unexpanded.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment variables for a stdio server, values unexpanded.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = EmptyMap;

    /// <summary>The working directory of a stdio server.</summary>
    public string? Cwd { get; init; }

    /// <summary>How requests are authenticated.</summary>
    public McpAuthKind AuthType { get; init; } = McpAuthKind.None;

    /// <summary>For <see cref="McpAuthKind.Bearer"/>: the environment variable holding the token.</summary>
    public string? AuthTokenEnv { get; init; }

    /// <summary>For <see cref="McpAuthKind.Header"/>: headers sent with every request, values unexpanded.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyMap;

    /// <summary>For <see cref="McpAuthKind.OAuth"/>: how the access token is obtained.</summary>
    public OAuthGrant Grant { get; init; } = OAuthGrant.AuthorizationCode;

    /// <summary>For <see cref="McpAuthKind.OAuth"/>: a pre-registered client ID; without it the client registers itself.</summary>
    public string? ClientId { get; init; }

    /// <summary>For <see cref="McpAuthKind.OAuth"/>: the environment variable holding the pre-registered client's secret.</summary>
    public string? ClientSecretEnv { get; init; }

    /// <summary>For <see cref="McpAuthKind.OAuth"/>: the HTTPS URL of Tributary's client ID metadata document, used as its client ID where the server supports that.</summary>
    public Uri? ClientMetadataUrl { get; init; }

    /// <summary>For <see cref="McpAuthKind.OAuth"/> client credentials: the environment variable holding the PEM private key that signs client assertions (private_key_jwt).</summary>
    public string? ClientKeyEnv { get; init; }

    /// <summary>For <see cref="McpAuthKind.OAuth"/>: the scopes to ask for; empty to take them from the server's challenge or metadata.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>For <see cref="McpAuthKind.OAuth"/>: a fixed loopback redirect URI for the login; a free port on 127.0.0.1 unless set.</summary>
    public Uri? RedirectUri { get; init; }

    /// <summary>Whether the server is used at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A human description, shown in listings and health.</summary>
    public string? Description { get; init; }

    /// <summary>The prefix of exposed tool names (<c>prefix__tool</c>); the server name unless set; empty for none.</summary>
    public required string Prefix { get; init; }

    /// <summary>Which upstream tools are exposed.</summary>
    public ToolFilter Tools { get; init; } = ToolFilter.All;

    /// <summary>The limit of one call to this server.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The limit of connecting and initializing a session.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>
    /// The largest message read from the server (a stdio line, a server-sent event, a JSON body), in bytes; a larger one
    /// is not read, fails what was waiting for it and drops the connection.
    /// </summary>
    public long MaxMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Where the server's entry starts in the registry file.</summary>
    public ConfigLocation Location { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();

    /// <inheritdoc />
    public bool Equals(McpServerConfig? other) =>
        other is not null
        && Name == other.Name
        && Transport == other.Transport
        && Url == other.Url
        && Command == other.Command
        && Args.SequenceEqual(other.Args)
        && SameMap(Env, other.Env)
        && Cwd == other.Cwd
        && AuthType == other.AuthType
        && AuthTokenEnv == other.AuthTokenEnv
        && SameMap(Headers, other.Headers)
        && Grant == other.Grant
        && ClientId == other.ClientId
        && ClientSecretEnv == other.ClientSecretEnv
        && Scopes.SequenceEqual(other.Scopes)
        && ClientMetadataUrl == other.ClientMetadataUrl
        && ClientKeyEnv == other.ClientKeyEnv
        && RedirectUri == other.RedirectUri
        && Enabled == other.Enabled
        && Description == other.Description
        && Prefix == other.Prefix
        && Tools.Equals(other.Tools)
        && Timeout == other.Timeout
        && ConnectTimeout == other.ConnectTimeout
        && MaxMessageSize == other.MaxMessageSize;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Transport, Url, Command, Prefix, Enabled);

    // Order of keys does not matter: YAML maps are unordered.
    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
