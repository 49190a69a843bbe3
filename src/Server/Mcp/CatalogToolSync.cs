using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>
/// Keeps <see cref="Tools"/> (the MCP server's tool collection) equal to the catalog's tools. Each catalog
/// change is applied as one batch, so stateful sessions get a single <c>tools/list_changed</c>.
/// </summary>
internal sealed partial class CatalogToolSync : IDisposable
{
    private readonly McpCatalog _catalog;
    private readonly ILogger _logger;

    // Changes arrive from any upstream's thread, possibly racing the first listing: apply one at a time, always the latest.
    private readonly Lock _gate = new();
    private long _appliedVersion = -1;

    /// <summary>Creates the collection (empty until the catalog is loaded) and follows the catalog's changes.</summary>
    public CatalogToolSync(McpCatalog catalog, ILogger<CatalogToolSync> logger)
    {
        _catalog = catalog;
        _logger = logger;
        _catalog.Changed += OnCatalogChanged;
    }

    /// <summary>The tools <c>/mcp</c> serves.</summary>
    public McpServerPrimitiveCollection<McpServerTool> Tools { get; } = [];

    /// <summary>Connects the servers not yet connected (failed ones within their backoff stay failed) and applies the catalog.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _catalog.GetAsync(cancellationToken);
        Apply(_catalog.Current);
    }

    /// <inheritdoc />
    public void Dispose() => _catalog.Changed -= OnCatalogChanged;

    private void OnCatalogChanged(object? sender, CatalogSnapshot snapshot) => Apply(_catalog.Current);

    private void Apply(CatalogSnapshot snapshot)
    {
        lock (_gate)
        {
            if (snapshot.Version == _appliedVersion)
            {
                return;
            }

            _appliedVersion = snapshot.Version;
            var wanted = snapshot.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
            int added = 0, removed = 0;
            using (Tools.DeferChangedEvents())
            {
                foreach (var tool in Tools.ToArray())
                {
                    // An entry is replaced when its server re-listed it: the upstream tool object is new then.
                    if (tool is not CatalogTool current || !wanted.TryGetValue(current.Exposed.Name, out var exposed) || current.Exposed != exposed)
                    {
                        Tools.Remove(tool);
                        removed++;
                    }
                }

                foreach (var exposed in snapshot.Tools)
                {
                    if (Tools.TryAdd(new CatalogTool(exposed, _catalog)))
                    {
                        added++;
                    }
                }
            }

            LogApplied(snapshot.Version, snapshot.Tools.Count, added, removed);
        }
    }

    [LoggerMessage(3001, LogLevel.Debug, "Republished catalog version {Version} at /mcp: {ToolCount} tools ({Added} added, {Removed} removed)")]
    private partial void LogApplied(long version, int toolCount, int added, int removed);
}
