namespace Tributary.Server.Import;

/// <summary>One client entry as a registry entry; every secret already replaced by a <c>${VAR}</c> reference.</summary>
internal sealed record ImportedServer
{
    /// <summary>The registry name (the client's, made valid when it was not).</summary>
    public required string Name { get; init; }

    /// <summary><c>stdio</c>, <c>streamable-http</c> or <c>sse</c>.</summary>
    public required string Transport { get; init; }

    /// <summary>The program (stdio).</summary>
    public string? Command { get; init; }

    /// <summary>Its arguments (stdio).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Extra environment of the process (stdio), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>The working directory (stdio).</summary>
    public string? Cwd { get; init; }

    /// <summary>The endpoint (HTTP transports).</summary>
    public string? Url { get; init; }

    /// <summary>Headers sent with every request (HTTP transports), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>False when the client had the entry disabled.</summary>
    public bool Enabled { get; init; } = true;
}
