namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// The merged, immutable catalog of every source (built-in toolkits and connected servers) at one moment, with the routing table from
/// exposed name to (source, original name). A change produces a new snapshot; readers never see a half-built one.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly Dictionary<string, ExposedTool> _toolsByName;
    private readonly Dictionary<string, ExposedPrompt> _promptsByName;
    private readonly Dictionary<string, ExposedResource> _resourcesByUri;
    private readonly Dictionary<string, ICatalogSource> _sourcesByName;

    internal CatalogSnapshot(
        long version,
        IReadOnlyList<ICatalogSource> sources,
        IReadOnlyList<ExposedTool> tools,
        IReadOnlyList<ExposedPrompt> prompts,
        IReadOnlyList<ExposedResource> resources,
        IReadOnlyList<ExposedResourceTemplate> resourceTemplates,
        IReadOnlyList<NameCollision> collisions)
    {
        Version = version;
        Sources = sources;
        Tools = tools;
        Prompts = prompts;
        Resources = resources;
        ResourceTemplates = resourceTemplates;
        Collisions = collisions;
        _toolsByName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _promptsByName = prompts.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _resourcesByUri = resources.ToDictionary(r => r.Uri, StringComparer.Ordinal);
        _sourcesByName = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>An empty catalog.</summary>
    public static CatalogSnapshot Empty { get; } = new(0, [], [], [], [], [], []);

    /// <summary>Increases with every published change.</summary>
    public long Version { get; }

    /// <summary>Every source the entries came from: the built-in ones, then the registry's servers in registry order.</summary>
    public IReadOnlyList<ICatalogSource> Sources { get; }

    /// <summary>All exposed tools, in source order, then upstream order.</summary>
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

    /// <summary>The source named <paramref name="name"/>, which owns the entries whose <c>ServerName</c> it is, or null.</summary>
    public ICatalogSource? FindSource(string name) => _sourcesByName.GetValueOrDefault(name);

    /// <summary>The listed resource with <paramref name="uri"/>, or null.</summary>
    public ExposedResource? FindResource(string uri) => _resourcesByUri.GetValueOrDefault(uri);
}
