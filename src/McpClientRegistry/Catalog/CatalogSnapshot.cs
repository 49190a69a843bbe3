namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// The merged, immutable catalog of every connected server at one moment, with the routing table from
/// exposed name to (server, original name). A change produces a new snapshot; readers never see a half-built one.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, ExposedTool> _toolsByName;
    private readonly Dictionary<string, ExposedPrompt> _promptsByName;
    private readonly Dictionary<string, ExposedResource> _resourcesByUri;

    internal CatalogSnapshot(
        long version,
        IReadOnlyList<ExposedTool> tools,
        IReadOnlyList<ExposedPrompt> prompts,
        IReadOnlyList<ExposedResource> resources,
        IReadOnlyList<ExposedResourceTemplate> resourceTemplates,
        IReadOnlyList<NameCollision> collisions)
    {
        Version = version;
        Tools = tools;
        Prompts = prompts;
        Resources = resources;
        ResourceTemplates = resourceTemplates;
        Collisions = collisions;
        _toolsByName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _promptsByName = prompts.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _resourcesByUri = resources.ToDictionary(r => r.Uri, StringComparer.Ordinal);
    }

    /// <summary>An empty catalog.</summary>
    public static CatalogSnapshot Empty { get; } = new(0, [], [], [], [], []);

    /// <summary>Increases with every published change.</summary>
    public long Version { get; }

    /// <summary>All exposed tools, in registry order, then upstream order.</summary>
    public IReadOnlyList<ExposedTool> Tools { get; }

    /// <summary>All exposed prompts.</summary>
    public IReadOnlyList<ExposedPrompt> Prompts { get; }

    /// <summary>All resources; on a duplicate URI the first server in registry order wins.</summary>
    public IReadOnlyList<ExposedResource> Resources { get; }

    /// <summary>All resource templates.</summary>
    public IReadOnlyList<ExposedResourceTemplate> ResourceTemplates { get; }

    /// <summary>Every name that had to be changed (or hidden) to keep names unique.</summary>
    public IReadOnlyList<NameCollision> Collisions { get; }

    /// <summary>The tool exposed as <paramref name="name"/>, or null.</summary>
    public ExposedTool? FindTool(string name) => _toolsByName.GetValueOrDefault(name);

    /// <summary>The prompt exposed as <paramref name="name"/>, or null.</summary>
    public ExposedPrompt? FindPrompt(string name) => _promptsByName.GetValueOrDefault(name);

    /// <summary>The listed resource with <paramref name="uri"/>, or null.</summary>
    public ExposedResource? FindResource(string uri) => _resourcesByUri.GetValueOrDefault(uri);
}
