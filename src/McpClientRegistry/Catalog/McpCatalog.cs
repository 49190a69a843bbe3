using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// The merged tools, prompts and resources of all servers, republished as a new
/// <see cref="CatalogSnapshot"/> whenever a server connects, changes its lists or goes away,
/// and the router that sends each request to the server that owns the name.
/// </summary>
public sealed partial class McpCatalog : IDisposable
{
    private readonly McpConnectionManager _manager;
    private readonly ILogger _logger;
    private readonly Lock _rebuildGate = new();
    private CatalogSnapshot _current = CatalogSnapshot.Empty;

    /// <summary>Creates the catalog over <paramref name="manager"/>'s servers.</summary>
    public McpCatalog(McpConnectionManager manager, ILogger<McpCatalog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manager);
        _manager = manager;
        _logger = logger ?? NullLogger<McpCatalog>.Instance;
        _manager.ServerListingChanged += OnServerListingChanged;
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

    /// <summary>Calls the tool exposed as <paramref name="name"/> on its server under its original name, for the caller <paramref name="context"/> describes.</summary>
    public async Task<CallToolResult> CallToolAsync(string name, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken) =>
        await CallToolAsync(await FindToolAsync(name, cancellationToken), arguments, context, cancellationToken);

    /// <summary>
    /// The tool exposed as <paramref name="name"/>; a name not listed yet connects the servers due for an attempt
    /// first. Throws an <see cref="UpstreamException"/> saying why when no server offers it.
    /// </summary>
    public async Task<ExposedTool> FindToolAsync(string name, CancellationToken cancellationToken) =>
        Current.FindTool(name) ?? (await RefreshAfterMissAsync(name, cancellationToken)).FindTool(name)
            ?? throw NotFound("tool", name);

    /// <summary>Calls <paramref name="tool"/> on its server under its original name, for the caller <paramref name="context"/> describes.</summary>
    public Task<CallToolResult> CallToolAsync(ExposedTool tool, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken) =>
        _manager.CallToolAsync((tool ?? throw new ArgumentNullException(nameof(tool))).ServerName, tool.OriginalName, arguments, context, cancellationToken);

    /// <summary>Gets the prompt exposed as <paramref name="name"/> from its server.</summary>
    public async Task<GetPromptResult> GetPromptAsync(string name, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        var prompt = Current.FindPrompt(name) ?? (await RefreshAfterMissAsync(name, cancellationToken)).FindPrompt(name)
            ?? throw NotFound("prompt", name);
        return await _manager.InvokeAsync(
            prompt.ServerName,
            RequestMethods.PromptsGet,
            prompt.OriginalName,
            async (client, token) => await client.GetPromptAsync(prompt.OriginalName, arguments, cancellationToken: token),
            cancellationToken);
    }

    /// <summary>Reads <paramref name="uri"/> from the server that listed it, or whose template matches it best.</summary>
    public async Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken)
    {
        var server = await FindResourceOwnerAsync(uri, cancellationToken);
        return await _manager.InvokeAsync(
            server,
            RequestMethods.ResourcesRead,
            uri,
            async (client, token) => await client.ReadResourceAsync(uri, cancellationToken: token),
            cancellationToken);
    }

    /// <summary>
    /// Subscribes to updates of <paramref name="uri"/> on the server that listed it, or whose template matches it
    /// best, and returns that server's name (to unsubscribe from later, and to match its updates to).
    /// </summary>
    public async Task<string> SubscribeAsync(string uri, CancellationToken cancellationToken)
    {
        var server = await FindResourceOwnerAsync(uri, cancellationToken);
        await _manager.SubscribeAsync(server, uri, cancellationToken);
        return server;
    }

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
        if (OwnerByPrefix(name) is { Health: { State: not ServerState.Connected } health } owner)
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
    /// After a miss: connects the server whose prefix the name carries, or else the servers never tried,
    /// since the name may belong to one not connected yet. Failed servers are left to their backoff.
    /// </summary>
    private async Task<CatalogSnapshot> RefreshAfterMissAsync(string name, CancellationToken cancellationToken)
    {
        if (OwnerByPrefix(name) is { } owner)
        {
            try
            {
                await owner.EnsureConnectedAsync(cancellationToken);
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
    private McpServerConnection? OwnerByPrefix(string name) =>
        _manager.Connections.FirstOrDefault(c => c.Config.Prefix.Length > 0 && name.StartsWith(c.Config.Prefix + ExposedNames.Separator, StringComparison.Ordinal));

    private void OnServerListingChanged(string serverName)
    {
        CatalogSnapshot snapshot;
        HashSet<NameCollision> known;
        lock (_rebuildGate)
        {
            known = [.. _current.Collisions];
            var sources = _manager.Connections.Select(c => (c.Config, c.Listing)).Where(s => !ReferenceEquals(s.Listing, ServerListing.Empty));
            snapshot = CatalogBuilder.Build(_current.Version + 1, sources);
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
    public void Dispose() => _manager.ServerListingChanged -= OnServerListingChanged;

    [LoggerMessage(2001, LogLevel.Debug, "Catalog rebuilt after a change on MCP server {ServerName}: version {Version}, {ToolCount} tools")]
    private partial void LogRebuilt(string serverName, long version, int toolCount);

    [LoggerMessage(2002, LogLevel.Warning, "The {Kind} name {WantedName} of MCP server {ServerName} is taken by {KeptBy}; exposed as {ResolvedName}")]
    private partial void LogCollision(string kind, string wantedName, string serverName, string keptBy, string resolvedName);
}
