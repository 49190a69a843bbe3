using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// The merged tools, prompts and resources of every catalog source (the built-in ones it is given, then the
/// registry's servers), republished as a new <see cref="CatalogSnapshot"/> whenever a source connects, changes its
/// lists or goes away, and the router that sends each request through the snapshot's table to the source that owns the name.
/// </summary>
public sealed partial class McpCatalog : IDisposable
{
    private readonly McpConnectionManager _manager;
    private readonly IReadOnlyList<ICatalogSource> _builtIn;
    private readonly ConditionalWeakTable<McpServerConnection, UpstreamCatalogSource> _upstreams = [];
    private readonly ILogger _logger;
    private readonly Lock _rebuildGate = new();
    private CatalogSnapshot _current = CatalogSnapshot.Empty;

    /// <summary>Creates the catalog over <paramref name="manager"/>'s servers.</summary>
    public McpCatalog(McpConnectionManager manager, ILogger<McpCatalog>? logger = null)
        : this(manager, [], logger)
    {
    }

    /// <summary>
    /// Creates the catalog over the built-in <paramref name="sources"/> (listed first, so their names win) and
    /// <paramref name="manager"/>'s servers.
    /// </summary>
    public McpCatalog(McpConnectionManager manager, IEnumerable<ICatalogSource> sources, ILogger<McpCatalog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(sources);
        _manager = manager;
        _builtIn = [.. sources];
        _logger = logger ?? NullLogger<McpCatalog>.Instance;
        _manager.ServerListingChanged += OnServerListingChanged;
        foreach (var source in _builtIn)
        {
            source.ListingChanged += OnSourceListingChanged;
        }

        if (_builtIn.Count > 0)
        {
            Rebuild(_builtIn[0].Name);
        }
    }

    /// <summary>Raised once per published snapshot, after it became <see cref="Current"/>.</summary>
    public event EventHandler<CatalogSnapshot>? Changed;

    /// <summary>The latest snapshot, without contacting any server.</summary>
    public CatalogSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// Returns the snapshot once every server has been tried: when some server is due for a connection attempt
    /// (never tried, or failed with its backoff over), connects every server not yet connected first (in parallel,
    /// each bounded by its connect_timeout); otherwise, a warm catalog, it completes at once without any await.
    /// </summary>
    public Task<CatalogSnapshot> GetAsync(CancellationToken cancellationToken) =>
        _manager.AnyDue() ? ConnectAllThenGetAsync(cancellationToken) : Task.FromResult(Current);

    /// <summary>Calls the tool exposed as <paramref name="name"/> on its source under its original name, for the caller <paramref name="context"/> describes.</summary>
    public async Task<CallToolResult> CallToolAsync(string name, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken) =>
        await CallToolAsync(await FindToolAsync(name, cancellationToken), arguments, context, cancellationToken);

    /// <summary>
    /// The tool exposed as <paramref name="name"/>; a name not listed yet connects the servers due for an attempt
    /// first. Throws an <see cref="UpstreamException"/> saying why when no source offers it.
    /// </summary>
    public async Task<ExposedTool> FindToolAsync(string name, CancellationToken cancellationToken) =>
        Current.FindTool(name) ?? (await RefreshAfterMissAsync(name, cancellationToken)).FindTool(name)
            ?? throw NotFound("tool", name);

    /// <summary>
    /// The tool exposed as <paramref name="name"/> when it is served to MCP clients (<see cref="ExposedTool.Published"/>);
    /// an unpublished one is not found, with the same message as a name no source offers.
    /// </summary>
    public async Task<ExposedTool> FindPublishedToolAsync(string name, CancellationToken cancellationToken)
    {
        var tool = await FindToolAsync(name, cancellationToken);
        return tool.Published ? tool : throw NotFound("tool", name);
    }

    /// <summary>Calls <paramref name="tool"/> on the source that owns it under its original name, for the caller <paramref name="context"/> describes.</summary>
    public Task<CallToolResult> CallToolAsync(ExposedTool tool, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(context);
        var source = SourceOf(tool.ServerName);
        LogRoutingTool(tool.Name, source.Name, source.Kind, tool.OriginalName);
        return source.CallToolAsync(tool.OriginalName, arguments, context, cancellationToken);
    }

    /// <summary>Gets the prompt exposed as <paramref name="name"/> from its server.</summary>
    public async Task<GetPromptResult> GetPromptAsync(string name, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        var prompt = Current.FindPrompt(name) ?? (await RefreshAfterMissAsync(name, cancellationToken)).FindPrompt(name)
            ?? throw NotFound("prompt", name);
        return await SourceOf(prompt.ServerName).GetPromptAsync(prompt.OriginalName, arguments, cancellationToken);
    }

    /// <summary>Reads <paramref name="uri"/> from the source that listed it, or whose template matches it best.</summary>
    public async Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken)
    {
        var server = await FindResourceOwnerAsync(uri, cancellationToken);
        return await SourceOf(server).ReadResourceAsync(uri, cancellationToken);
    }

    /// <summary>
    /// Subscribes to updates of <paramref name="uri"/> on the source that listed it, or whose template matches it
    /// best, and returns that source's name (to unsubscribe from later, and to match its updates to).
    /// </summary>
    public async Task<string> SubscribeAsync(string uri, CancellationToken cancellationToken)
    {
        var server = await FindResourceOwnerAsync(uri, cancellationToken);
        await SourceOf(server).SubscribeAsync(uri, cancellationToken);
        return server;
    }

    /// <summary>Drops one subscription to <paramref name="uri"/> made on source <paramref name="sourceName"/> by <see cref="SubscribeAsync"/>.</summary>
    public Task UnsubscribeAsync(string sourceName, string uri, CancellationToken cancellationToken) =>
        SourceOf(sourceName).UnsubscribeAsync(uri, cancellationToken);

    /// <summary>
    /// Completes an argument of the prompt or resource template <paramref name="request"/> references by its exposed name
    /// (a template by its URI template), asking the source that owns it under the name it knows it by; null when none matches.
    /// </summary>
    public Task<CompleteResult>? CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = Current;
        var (owner, reference) = request.Ref switch
        {
            PromptReference prompt when snapshot.FindPrompt(prompt.Name) is { } exposed =>
                (exposed.ServerName, (Reference)new PromptReference { Name = exposed.OriginalName }),
            ResourceTemplateReference template when snapshot.ResourceTemplates.FirstOrDefault(t => t.UriTemplate == template.Uri) is { } exposed =>
                (exposed.ServerName, new ResourceTemplateReference { Uri = exposed.UriTemplate }),
            _ => (null, null),
        };
        return owner is null || reference is null
            ? null
            : SourceOf(owner).CompleteAsync(new CompleteRequestParams { Ref = reference, Argument = request.Argument, Context = request.Context }, cancellationToken);
    }

    /// <summary>The source named <paramref name="name"/> in the routing table; throws an <see cref="UpstreamException"/> when there is none.</summary>
    private ICatalogSource SourceOf(string name) =>
        Current.FindSource(name) ?? AllSources().FirstOrDefault(s => s.Name == name)
            ?? throw new UpstreamException(name, UpstreamFailureKind.NotFound, $"no MCP server named '{name}' in the registry");

    private async Task<string> FindResourceOwnerAsync(string uri, CancellationToken cancellationToken) =>
        OwnerOf(Current, uri) ?? OwnerOf(await RefreshAfterMissAsync(uri, cancellationToken), uri)
            ?? throw NotFound("resource", uri);

    private async Task<CatalogSnapshot> ConnectAllThenGetAsync(CancellationToken cancellationToken)
    {
        await _manager.ConnectAllAsync(cancellationToken);
        return Current;
    }

    private static string? OwnerOf(CatalogSnapshot snapshot, string uri) =>
        snapshot.FindResource(uri)?.ServerName
        ?? snapshot.ResourceTemplates
            .Select(t => (t.ServerName, Literal: LiteralPrefix(t.UriTemplate)))
            .Where(t => t.Literal.Length > 0 && uri.StartsWith(t.Literal, StringComparison.Ordinal))
            .OrderByDescending(t => t.Literal.Length)
            .Select(t => t.ServerName)
            .FirstOrDefault();

    private static string LiteralPrefix(string template)
    {
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? template : template[..brace];
    }

    private UpstreamException NotFound(string kind, string name)
    {
        if (OwnerByPrefix(name) is UpstreamCatalogSource { Health: { State: not ServerState.Connected } health } owner)
        {
            var failure = health.State switch
            {
                ServerState.Disabled => UpstreamFailureKind.Disabled,
                ServerState.NotConfigured => UpstreamFailureKind.NotConfigured,
                _ => UpstreamFailureKind.Unavailable,
            };
            return new UpstreamException(owner.Name, failure, $"no {kind} named '{name}' is available: server '{owner.Name}' {ServerStateText.WhyUnavailable(health)}");
        }

        return new UpstreamException(string.Empty, UpstreamFailureKind.NotFound, $"no {kind} named '{name}' is available; {WhereListed(kind)}");
    }

    // The command line lists tools; prompts and resources are listed only through /mcp.
    private static string WhereListed(string kind) => kind switch
    {
        "tool" => "'tributary tools list' shows the names",
        "prompt" => "prompts/list on /mcp shows the names",
        _ => "resources/list and resources/templates/list on /mcp show the URIs",
    };

    /// <summary>
    /// After a miss: connects the source whose prefix the name carries, or else the servers never tried,
    /// since the name may belong to one not connected yet. Failed servers are left to their backoff.
    /// </summary>
    private async Task<CatalogSnapshot> RefreshAfterMissAsync(string name, CancellationToken cancellationToken)
    {
        if (OwnerByPrefix(name) is { } owner)
        {
            try
            {
                await owner.ConnectAsync(cancellationToken);
            }
            catch (UpstreamException)
            {
                // Explained by NotFound from the owner's health.
            }
        }
        else
        {
            await _manager.ConnectUntriedAsync(cancellationToken);
        }

        return Current;
    }

    // Only to pick whom to connect or blame after a miss: routing itself never parses names.
    private ICatalogSource? OwnerByPrefix(string name) =>
        AllSources().FirstOrDefault(s => s.Prefix.Length > 0 && name.StartsWith(s.Prefix + ExposedNames.Separator, StringComparison.Ordinal));

    // The manager's servers are read afresh each time: a reload may change them.
    private IEnumerable<ICatalogSource> AllSources() =>
        _builtIn.Concat(_manager.Connections.Select(c => _upstreams.GetValue(c, connection => new UpstreamCatalogSource(_manager, connection))));

    private void OnSourceListingChanged(ICatalogSource source) => Rebuild(source.Name);

    private void OnServerListingChanged(string serverName) => Rebuild(serverName);

    private void Rebuild(string serverName)
    {
        CatalogSnapshot snapshot;
        HashSet<NameCollision> known;
        lock (_rebuildGate)
        {
            known = [.. _current.Collisions];
            snapshot = CatalogBuilder.Build(_current.Version + 1, [.. AllSources()]);
            Volatile.Write(ref _current, snapshot);
        }

        LogRebuilt(serverName, snapshot.Version, snapshot.Tools.Count);

        // Only collisions this rebuild brought: each server connecting would otherwise repeat all the earlier ones.
        foreach (var collision in snapshot.Collisions.Where(c => !known.Contains(c)))
        {
            LogCollision(collision.Kind, collision.WantedName, collision.ServerName, collision.KeptBy, collision.ResolvedName ?? "(hidden)");
        }

        Changed?.Invoke(this, snapshot);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _manager.ServerListingChanged -= OnServerListingChanged;
        foreach (var source in _builtIn)
        {
            source.ListingChanged -= OnSourceListingChanged;
        }
    }

    [LoggerMessage(2001, LogLevel.Debug, "Catalog rebuilt after a change on source {ServerName}: version {Version}, {ToolCount} tools")]
    private partial void LogRebuilt(string serverName, long version, int toolCount);

    [LoggerMessage(2002, LogLevel.Warning, "The {Kind} name {WantedName} of MCP server {ServerName} is taken by {KeptBy}; exposed as {ResolvedName}")]
    private partial void LogCollision(string kind, string wantedName, string serverName, string keptBy, string resolvedName);

    [LoggerMessage(2003, LogLevel.Debug, "Catalog routes tool {ExposedName} to source {ServerName} ({SourceKind}) as {OriginalName}")]
    private partial void LogRoutingTool(string exposedName, string serverName, string sourceKind, string originalName);
}
