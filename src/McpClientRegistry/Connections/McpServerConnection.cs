using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;
using Tributary.McpClientRegistry.Telemetry;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Owns the connection to one upstream server: connects on first use (concurrent first uses share one
/// attempt), backs off while the server is down, notices when the session dies and rebuilds it, and
/// keeps the server's health and listing current.
/// </summary>
internal sealed partial class McpServerConnection : IAsyncDisposable
{
    private readonly EndpointResolver _resolver;
    private readonly IUpstreamClientFactory _factory;
    private readonly UpstreamAuthorization _authorization;
    private readonly UpstreamTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _connectPipeline;
    private readonly StderrTail _stderr = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _listLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly BackgroundWork _background;
    private UpstreamSession? _session;
    private Task<UpstreamSession>? _connecting;
    private ServerHealth _health;
    private SecretRedactor? _redactor;
    private bool _isDisposed;
    private volatile bool _waitingForLogin;

    // Per connection, so what one server sends can only ever reach the calls made to it.
    private readonly InFlightCalls _calls = new();

    public McpServerConnection(
        McpServerConfig config,
        EndpointResolver resolver,
        IUpstreamClientFactory factory,
        UpstreamAuthorization authorization,
        UpstreamTelemetry telemetry,
        TimeProvider time,
        ILogger logger)
    {
        Config = config;
        _resolver = resolver;
        _factory = factory;
        _authorization = authorization;
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
        _connectPipeline = ReconnectPolicy.Create(config.ConnectTimeout, time, breakDuration => UpdateHealth(h => h with { NextAttempt = _time.GetUtcNow() + breakDuration }));
        _health = InitialHealth(config, resolver);
        _background = new BackgroundWork(config.Name, logger, time, text => Redactor.Redact(text));
    }

    /// <summary>Raised when the listing changes: after connecting, after a list_changed refresh, and when the session ends.</summary>
    public event Action<McpServerConnection>? ListingChanged;

    /// <summary>Raised for upstream notifications other than list changes, progress and logging (resource updates).</summary>
    public event Func<McpServerConnection, JsonRpcNotification, CancellationToken, ValueTask>? NotificationReceived;

    /// <summary>Raised on the session's read loop for each log message that belongs to no call, in the order they came; handlers must not block.</summary>
    public event Action<McpServerConnection, LoggingMessageNotificationParams>? LogReceived;

    public McpServerConfig Config { get; }

    public string Name => Config.Name;

    public ServerHealth Health => Volatile.Read(ref _health);

    /// <summary>What the live session listed; empty while not connected.</summary>
    public ServerListing Listing => Volatile.Read(ref _session)?.Listing ?? ServerListing.Empty;

    /// <summary>
    /// Whether a caller that wants every listing should try to connect this server now: never tried, still
    /// connecting, failed with its backoff over (or none set), or waiting for a login that has now happened. Connected,
    /// disabled and other not configured servers, and failed ones waiting for their next attempt, are not due.
    /// </summary>
    public bool IsDue => Health switch
    {
        { State: ServerState.Idle or ServerState.Connecting } => true,
        { State: ServerState.Failed, NextAttempt: var next } => next is not { } at || at <= _time.GetUtcNow(),
        { State: ServerState.NotConfigured } => LoginArrived,
        _ => false,
    };

    /// <summary>
    /// Whether the server was waiting for <c>tributary auth login</c> and a token has been stored since: a running host
    /// then connects it without a restart.
    /// </summary>
    public bool LoginArrived => _waitingForLogin && _authorization.Store.Has(Name);

    /// <summary>
    /// The server's resolved secrets, for text written about it outside a session (exported spans); resolved on first
    /// use, empty while the server is not configured (it then sends nothing that could hold them).
    /// </summary>
    public SecretRedactor Redactor => Volatile.Read(ref _redactor) ?? Resolve();

    /// <summary>Connects if needed and returns the listing.</summary>
    public async Task<ServerListing> EnsureConnectedAsync(CancellationToken cancellationToken) =>
        (await GetSessionAsync(cancellationToken)).Listing;

    private async Task<UpstreamSession> GetSessionAsync(CancellationToken cancellationToken)
    {
        Task<UpstreamSession> connecting;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            if (_session is { } session)
            {
                return session;
            }

            if (!Config.Enabled)
            {
                throw new UpstreamException(Name, UpstreamFailureKind.Disabled, $"server '{Name}' is disabled (enabled: false in the registry)");
            }

            if (_connecting is null)
            {
                _health = _health with { State = ServerState.Connecting };
                _connecting = _background.Run("connect", _ => ConnectAsync());
            }

            connecting = _connecting;
        }

        // Each caller may give up on its own; the shared attempt goes on, bounded by connect_timeout.
        return await connecting.WaitAsync(cancellationToken);
    }

    private async Task<UpstreamSession> ConnectAsync()
    {
        await Task.Yield(); // leave the caller's lock before doing anything
        try
        {
            var resolution = _resolver.Resolve(Config);
            if (resolution.Endpoint is not { } endpoint)
            {
                UpdateHealth(h => h with { State = ServerState.NotConfigured, LastError = resolution.Problem, LastCheck = _time.GetUtcNow() });
                LogNotConfigured(Name, resolution.Problem!);
                throw new UpstreamException(Name, UpstreamFailureKind.NotConfigured, resolution.Problem!);
            }

            var redactor = SecretRedactor.For(endpoint);
            Volatile.Write(ref _redactor, redactor);
            try
            {
                // Without a token nobody can get, trying would only register clients and fail: ask for a login instead.
                _authorization.EnsureCanConnect(Config);
                var session = await _connectPipeline.ExecuteAsync(token => new ValueTask<UpstreamSession>(AttemptAsync(endpoint, redactor, token)), _disposed.Token);
                _waitingForLogin = false;
                ListingChanged?.Invoke(this);
                _background.Start("re-subscription", token => ResubscribeAsync(session, token));
                return session;
            }
            catch (Exception e) when (LoginRequiredException.Find(e) is { } login)
            {
                // A login is a person's job: no backoff helps, so the server waits, not configured, for one.
                _waitingForLogin = true;
                UpdateHealth(h => h with { State = ServerState.NotConfigured, LastError = login.Message, LastCheck = _time.GetUtcNow(), ToolCount = 0 });
                LogNotConfigured(Name, login.Message);
                throw new UpstreamException(Name, UpstreamFailureKind.NotConfigured, $"server '{Name}' {login.Message}", e);
            }
            catch (BrokenCircuitException)
            {
                UpdateHealth(h => h with { State = ServerState.Failed });
                var wait = Health.NextAttempt is { } next ? DurationText.Format(Max(next - _time.GetUtcNow(), TimeSpan.Zero)) : "a moment";
                throw new UpstreamException(Name, UpstreamFailureKind.Unavailable, $"server '{Name}' is unavailable, next connection attempt in {wait}; last error: {Health.LastError}");
            }
            catch (TimeoutRejectedException e)
            {
                var reason = $"no answer within {DurationText.Format(Config.ConnectTimeout)} (connect_timeout)";
                Fail(reason);
                throw new UpstreamException(Name, UpstreamFailureKind.Timeout, $"server '{Name}' did not finish connecting: {reason}", e);
            }
            catch (Exception e) when (e is not OperationCanceledException and not UpstreamException)
            {
                var reason = redactor.Redact(FailureDescription.Describe(e, _stderr));
                Fail(reason);
                throw new UpstreamException(Name, UpstreamFailureKind.Unavailable, $"server '{Name}' is unreachable: {reason}", e);
            }
        }
        finally
        {
            lock (_gate)
            {
                _connecting = null;
            }
        }
    }

    private SecretRedactor Resolve()
    {
        var redactor = _resolver.Resolve(Config).Endpoint is { } endpoint ? SecretRedactor.For(endpoint) : SecretRedactor.None;
        return Interlocked.CompareExchange(ref _redactor, redactor, null) ?? redactor;
    }

    private async Task<UpstreamSession> AttemptAsync(ResolvedEndpoint endpoint, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        UpdateHealth(h => h with { State = ServerState.Connecting, LastCheck = _time.GetUtcNow() });
        LogConnecting(Name, KindNames.Of(Config.Transport));
        _stderr.Clear();
        var started = _time.GetTimestamp();
        var callbacks = new UpstreamCallbacks(OnNotificationAsync, message => LogReceived?.Invoke(this, message), line => OnStderrLine(redactor.Redact(line)), _calls);
        var upstream = await _factory.CreateAsync(Config, endpoint, callbacks, cancellationToken);
        var client = upstream.Client;
        var handshake = _time.GetElapsedTime(started);
        try
        {
            // Holding the list lock until the session is published makes a list_changed that races
            // the first listing wait for it, then list again.
            await _listLock.WaitAsync(cancellationToken);
            try
            {
                var listing = await ServerListing.FetchAsync(client, Config.Tools, cancellationToken);
                var session = new UpstreamSession(upstream, redactor, listing, _time.GetUtcNow());
                lock (_gate)
                {
                    ObjectDisposedException.ThrowIf(_isDisposed, this);
                    _session = session;
                }

                UpdateHealth(h => h with
                {
                    State = ServerState.Connected,
                    LastError = null,
                    LastSuccess = session.ConnectedAt,
                    LastCheck = session.ConnectedAt,
                    ToolCount = listing.Tools.Count,
                    Latency = handshake,
                    NextAttempt = null,
                });
                LogConnected(Name, (long)_time.GetElapsedTime(started).TotalMilliseconds, listing.Tools.Count);
                // Start-up chatter explains nothing about a later crash; keep only what comes after.
                _stderr.Clear();
                _background.Start("session watch", _ => WatchAsync(session));
                _background.Start("keep-alive pings", token => KeepAliveAsync(session, token));
                return session;
            }
            finally
            {
                _listLock.Release();
            }
        }
        catch
        {
            await client.DisposeAsync();
            upstream.ToolCalls?.Dispose();
            throw;
        }
    }

    private void Fail(string reason)
    {
        UpdateHealth(h => h with { State = ServerState.Failed, LastError = reason, LastCheck = _time.GetUtcNow(), ToolCount = 0 });
        LogFailed(Name, reason);
    }

    private void UpdateHealth(Func<ServerHealth, ServerHealth> change)
    {
        lock (_gate)
        {
            _health = change(_health);
        }
    }

    // For the per-call update: a static change given its state allocates no closure.
    private void UpdateHealth<TState>(TState state, Func<ServerHealth, TState, ServerHealth> change)
    {
        lock (_gate)
        {
            _health = change(_health, state);
        }
    }

    private static ServerHealth InitialHealth(McpServerConfig config, EndpointResolver resolver)
    {
        var health = new ServerHealth { Name = config.Name, Transport = config.Transport, Description = config.Description, State = ServerState.Idle };
        if (!config.Enabled)
        {
            return health with { State = ServerState.Disabled };
        }

        // Resolving is cheap and local: an operator sees a missing variable before anything connects.
        var resolution = resolver.Resolve(config);
        return resolution.IsConfigured ? health : health with { State = ServerState.NotConfigured, LastError = resolution.Problem };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        UpstreamSession? session;
        lock (_gate)
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
            session = _session;
            _session = null;
        }

        await _disposed.CancelAsync();
        if (session is not null)
        {
            await CloseQuietlyAsync(session);
        }

        // Then the loops, a connect attempt and closes of older sessions (each may still be ending a process tree).
        await _background.DisposeAsync();
        _disposed.Dispose();
    }
}
