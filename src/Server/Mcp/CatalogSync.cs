using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>
/// Keeps the MCP server's tool, prompt and resource collections equal to the catalog. Each catalog change
/// is applied as one batch per collection, so stateful sessions get a single <c>list_changed</c> of each kind.
/// </summary>
internal sealed partial class CatalogSync : IDisposable
{
    private readonly McpCatalog _catalog;
    private readonly CatalogToolCall _toolCall;
    private readonly ILogger _logger;

    // Changes arrive from any upstream's thread, possibly racing the first listing: apply one at a time, always the latest.
    private readonly Lock _gate = new();
    private long _appliedVersion = -1;

    /// <summary>
    /// Creates the collections, holding what the catalog already lists (the built-in sources' entries; upstream ones
    /// come once the catalog is loaded), and follows the catalog's changes.
    /// </summary>
    public CatalogSync(McpCatalog catalog, CatalogToolCall toolCall, ILogger<CatalogSync> logger)
    {
        _catalog = catalog;
        _toolCall = toolCall;
        _logger = logger;
        ToolList = new ToolListCache(Tools);
        _catalog.Changed += OnCatalogChanged;
        Apply(_catalog.Current);
    }

    /// <summary>The tools <c>/mcp</c> serves.</summary>
    public McpServerPrimitiveCollection<McpServerTool> Tools { get; } = [];

    /// <summary>The serialized listing of <see cref="Tools"/>, for <c>tools/list</c>.</summary>
    public ToolListCache ToolList { get; }

    /// <summary>The prompts <c>/mcp</c> serves.</summary>
    public McpServerPrimitiveCollection<McpServerPrompt> Prompts { get; } = [];

    /// <summary>The resources and resource templates <c>/mcp</c> serves.</summary>
    public McpServerResourceCollection Resources { get; } = [];

    /// <summary>
    /// Connects the servers due for an attempt (failed ones within their backoff stay failed) and applies the
    /// catalog; completes synchronously when the catalog is warm.
    /// </summary>
    public ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        var loading = _catalog.GetAsync(cancellationToken);
        if (!loading.IsCompletedSuccessfully)
        {
            return new ValueTask(ApplyWhenLoadedAsync(loading));
        }

        Apply(_catalog.Current);
        return ValueTask.CompletedTask;
    }

    /// <summary>A list filter that loads the catalog before the SDK lists; a warm catalog adds no await.</summary>
    public McpRequestFilter<TParams, TResult> LoadFirst<TParams, TResult>() =>
        next => (request, cancellationToken) =>
        {
            var loading = LoadAsync(cancellationToken);
            return loading.IsCompletedSuccessfully ? next(request, cancellationToken) : NextWhenLoadedAsync(loading, next, request, cancellationToken);
        };

    private static async ValueTask<TResult> NextWhenLoadedAsync<TParams, TResult>(
        ValueTask loading, McpRequestHandler<TParams, TResult> next, RequestContext<TParams> request, CancellationToken cancellationToken)
    {
        await loading;
        return await next(request, cancellationToken);
    }

    private async Task ApplyWhenLoadedAsync(Task<CatalogSnapshot> loading)
    {
        await loading;
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
            // A tool its source keeps from /mcp clients (a GitLab writer without mcp_tools: read-write) is neither listed nor callable here.
            var tools = CatalogCollectionSync.Apply(Tools, [.. snapshot.Tools.Where(t => t.Published)], e => new CatalogTool(e, _toolCall));
            var prompts = CatalogCollectionSync.Apply(Prompts, snapshot.Prompts, e => new CatalogPrompt(e, _catalog));
            IEnumerable<object> resourceEntries = [.. snapshot.Resources, .. snapshot.ResourceTemplates];
            var resources = CatalogCollectionSync.Apply(Resources, [.. resourceEntries], CreateResource);
            LogApplied(snapshot.Version, Tools.Count, tools, snapshot.Prompts.Count, prompts, snapshot.Resources.Count + snapshot.ResourceTemplates.Count, resources);
        }
    }

    private McpServerResource CreateResource(object entry) => entry switch
    {
        ExposedResource resource => new CatalogResource(resource, _catalog),
        ExposedResourceTemplate template => new CatalogResourceTemplate(template, _catalog),
        _ => throw new ArgumentOutOfRangeException(nameof(entry), entry, "not a resource entry"),
    };

    [LoggerMessage(3001, LogLevel.Debug, "Republished catalog version {Version} at /mcp: {ToolCount} tools ({ToolChanges}), {PromptCount} prompts ({PromptChanges}), {ResourceCount} resources and templates ({ResourceChanges})")]
    private partial void LogApplied(long version, int toolCount, CollectionChanges toolChanges, int promptCount, CollectionChanges promptChanges, int resourceCount, CollectionChanges resourceChanges);
}
