using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;
using Tributary.McpClientRegistry.Telemetry;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Owns one connection per registry entry. Nothing connects until first used; each server fails,
/// backs off and recovers on its own, so one bad upstream never costs another's requests.
/// </summary>
public sealed partial class McpConnectionManager : IAsyncDisposable
{
    private readonly SocketsHttpHandler _httpHandler;
    private readonly EndpointResolver _resolver;
    private readonly IUpstreamClientFactory _factory;
    private readonly UpstreamTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private ConnectionTable _table = ConnectionTable.Empty;

    /// <summary>Creates the manager; nothing is contacted until a server is first used.</summary>
    public McpConnectionManager(
        RegistryConfig registry,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        EndpointResolver? resolver = null,
        UpstreamTelemetry? telemetry = null,
        UpstreamAuthorization? authorization = null)
        : this(registry, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System, resolver ?? EndpointResolver.FromEnvironment, telemetry ?? new UpstreamTelemetry(), factory: null, authorization)
    {
    }

    internal McpConnectionManager(
        RegistryConfig registry,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        EndpointResolver resolver,
        UpstreamTelemetry telemetry,
        IUpstreamClientFactory? factory,
        UpstreamAuthorization? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        // Without one given, tokens live in memory only: nothing is written for a manager nobody configured to keep them.
        Authorization = authorization ?? new UpstreamAuthorization(TokenStore.InMemory());
        _httpHandler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = DecompressionMethods.All,
        };
        _factory = factory ?? new UpstreamClientFactory(_httpHandler, loggerFactory, Authorization);
        _resolver = resolver;
        _telemetry = telemetry;
        _time = timeProvider;
        _logger = loggerFactory.CreateLogger<McpConnectionManager>();
        _table = new ConnectionTable(registry, registry.Servers.Select(server => (Create(server), FingerprintOf(server))));
    }

    /// <summary>Raised with a server's name when what it offers changed (connected, list_changed, disconnected).</summary>
    public event Action<string>? ServerListingChanged;

    /// <summary>Raised for upstream notifications other than list changes, progress and logging (resource updates).</summary>
    public event Func<string, JsonRpcNotification, CancellationToken, ValueTask>? NotificationReceived;

    /// <summary>
    /// Raised with a server's name for each log message it sends that belongs to no call (a call's go to its
    /// <see cref="CallContext.Log"/>), on its session's read loop in the order they came; handlers must not block.
    /// </summary>
    public event Action<string, LoggingMessageNotificationParams>? LogReceived;

    /// <summary>How OAuth servers get their tokens, and where each one's authorization stands.</summary>
    public UpstreamAuthorization Authorization { get; }

    /// <summary>The registry in effect: the one the manager was built from, or the last one applied by <see cref="ApplyAsync"/>.</summary>
    public RegistryConfig Registry => Table.Registry;

    /// <summary>The current connections, in registry order; a reload swaps the whole list at once.</summary>
    internal IReadOnlyList<McpServerConnection> Connections => Table.Connections;

    private ConnectionTable Table => Volatile.Read(ref _table);

    /// <summary>
    /// <paramref name="text"/> without any server's secrets (header values, URL credentials and query, <c>env</c> values,
    /// every value that came from a variable), for text written outside a server's own reports, such as exported spans.
    /// </summary>
    public string RedactSecrets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var connection in Connections)
        {
            text = connection.Redactor.Redact(text);
        }

        // A server a reload removed or replaced may still finish a call and have it written about; while anything
        // holds its connection, its secrets are still known here.
        foreach (var (connection, _) in _retired)
        {
            text = connection.Redactor.Redact(text);
        }

        return text;
    }

    /// <summary>The last known health of every server, in registry order, without contacting any.</summary>
    public IReadOnlyList<ServerHealth> GetHealth() => [.. Connections.Select(c => WithAuth(c, c.Health))];

    /// <summary>Pings every enabled server in parallel (connecting where needed) and returns fresh health.</summary>
    public async Task<IReadOnlyList<ServerHealth>> ProbeAllAsync(CancellationToken cancellationToken)
    {
        var connections = Connections;
        var healths = await Task.WhenAll(connections.Select(c => c.ProbeAsync(cancellationToken)));
        return [.. healths.Select((health, i) => WithAuth(connections[i], health))];
    }

    // Only OAuth servers have an authorization to describe; the others' health is handed on as it is.
    private ServerHealth WithAuth(McpServerConnection connection, ServerHealth health) =>
        connection.Config.AuthType == McpAuthKind.OAuth ? health with { Auth = Authorization.Describe(connection.Config) } : health;

    /// <summary>Connects every enabled, configured server in parallel; failures show in health, not as exceptions.</summary>
    public Task ConnectAllAsync(CancellationToken cancellationToken) =>
        ConnectWhereAsync(c => c.Health.State is not (ServerState.Disabled or ServerState.NotConfigured) || c.LoginArrived, cancellationToken);

    /// <summary>Whether any server is due for a connection attempt (see <see cref="McpServerConnection.IsDue"/>).</summary>
    internal bool AnyDue()
    {
        foreach (var connection in Connections)
        {
            if (connection.IsDue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Connects server <paramref name="serverName"/> if needed (its tools then appear in the catalog) and returns
    /// what it lists; throws <see cref="UpstreamException"/> saying why when it is disabled, not configured or down.
    /// </summary>
    public Task<Catalog.ServerListing> ConnectAsync(string serverName, CancellationToken cancellationToken) =>
        Get(serverName).EnsureConnectedAsync(cancellationToken);

    /// <summary>Connects the servers never tried yet.</summary>
    internal Task ConnectUntriedAsync(CancellationToken cancellationToken) =>
        ConnectWhereAsync(c => c.Health.State is ServerState.Idle, cancellationToken);

    private async Task ConnectWhereAsync(Func<McpServerConnection, bool> which, CancellationToken cancellationToken)
    {
        var attempts = Connections
            .Where(which)
            .Select(async c =>
            {
                try
                {
                    await c.EnsureConnectedAsync(cancellationToken);
                }
                catch (UpstreamException)
                {
                    // Recorded in the server's health; the others go on.
                }
            });
        await Task.WhenAll(attempts);
    }

    /// <summary>
    /// Runs <paramref name="request"/> against server <paramref name="serverName"/>, connecting first if
    /// needed, bounded by its timeout and traced. Throws <see cref="UpstreamException"/> when it cannot.
    /// </summary>
    public async Task<T> InvokeAsync<T>(string serverName, string method, string? target, Func<McpClient, CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        var connection = Get(serverName);
        try
        {
            return await connection.InvokeAsync(method, target, request, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && RetiredBecause(connection) is { } how)
        {
            // Whatever the closing connection said (cancelled, disposed, transport closed) is an effect of the reload.
            throw RetiredDuring(serverName, how, target is null ? method : $"{method} '{target}'", e);
        }
    }

    /// <summary>
    /// Calls tool <paramref name="toolName"/> (its name on the server, not the exposed one) of server
    /// <paramref name="serverName"/>, connecting first if needed, bounded by its timeout and traced. What the server
    /// sends about this call (progress, log messages, sampling and elicitation requests) goes to
    /// <paramref name="context"/> only. Throws <see cref="UpstreamException"/> when the server cannot be reached.
    /// </summary>
    public Task<CallToolResult> CallToolAsync(string serverName, string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(context);
        return CallToolCoreAsync(Get(serverName), toolName, arguments, context, cancellationToken);
    }

    private async Task<CallToolResult> CallToolCoreAsync(McpServerConnection connection, string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.CallToolAsync(toolName, arguments, context, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && RetiredBecause(connection) is { } how)
        {
            throw RetiredDuring(connection.Name, how, $"tools/call '{toolName}'", e);
        }
    }

    /// <summary>
    /// Subscribes to updates of <paramref name="uri"/> on <paramref name="serverName"/>, kept across reconnects;
    /// its <c>notifications/resources/updated</c> come through <see cref="NotificationReceived"/>.
    /// </summary>
    public Task SubscribeAsync(string serverName, string uri, CancellationToken cancellationToken) =>
        Get(serverName).SubscribeAsync(uri, cancellationToken);

    /// <summary>Drops one subscription made with <see cref="SubscribeAsync"/>; the server hears of it when it was the last.</summary>
    public Task UnsubscribeAsync(string serverName, string uri, CancellationToken cancellationToken) =>
        Get(serverName).UnsubscribeAsync(uri, cancellationToken);

    /// <summary>
    /// Drops one subscription made with <see cref="SubscribeAsync"/> at once and tells the server (when it was the last)
    /// in the background, which the server's connection owns and <see cref="DisposeAsync"/> awaits: for callers that
    /// cannot wait, such as a client session that just ended. A failure to tell the server is only logged; a name the
    /// registry does not hold (a built-in source's) has no subscription here to drop.
    /// </summary>
    public void DropSubscription(string serverName, string uri)
    {
        if (Table.Find(serverName) is { } connection)
        {
            connection.DropSubscription(uri);
        }
    }

    internal McpServerConnection Get(string serverName) =>
        Table.Find(serverName) is { } connection
            ? connection
            : throw new UpstreamException(serverName, UpstreamFailureKind.NotFound, $"no MCP server named '{serverName}' in the registry");

    /// <summary>
    /// Closes every connection (ending stdio servers' process trees) and waits for each one's background work (session
    /// watch, pings, restarts, list refreshes, re-subscriptions) to end: at most 10 s, the connections all at once,
    /// so a hung upstream cannot hold shutdown forever.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _applyLock.WaitAsync();
        try
        {
            await Task.WhenAll(Connections.Select(c => c.DisposeAsync().AsTask()));
        }
        finally
        {
            _applyLock.Release();
        }

        _httpHandler.Dispose();
    }
}
