using Microsoft.Extensions.Logging;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Cli;

/// <summary>
/// The upstream connections of one command: the manager, the catalog over it and their logging.
/// Disposing it closes every connection and ends stdio servers' process trees.
/// </summary>
internal sealed class UpstreamScope : IAsyncDisposable
{
    // The first reminder comes soon; later ones back off so a long connect_timeout does not flood the terminal.
    private static readonly TimeSpan s_firstReminder = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_maxReminderInterval = TimeSpan.FromMinutes(1);

    private readonly CliContext _context;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the manager and catalog; nothing is contacted yet.</summary>
    public UpstreamScope(RegistryConfig registry, CliContext context, LogLevel logLevel)
    {
        _context = context;
        _loggerFactory = context.CreateLoggerFactory(logLevel);
        Manager = new McpConnectionManager(registry, _loggerFactory, resolver: new EndpointResolver(context.ReadVariable));
        Catalog = new McpCatalog(Manager, _loggerFactory.CreateLogger<McpCatalog>());
    }

    /// <summary>The connections.</summary>
    public McpConnectionManager Manager { get; }

    /// <summary>The merged catalog.</summary>
    public McpCatalog Catalog { get; }

    /// <summary>
    /// Connects every enabled, configured server in parallel and returns the catalog, telling the
    /// person on stderr what it is waiting for.
    /// </summary>
    public async Task<CatalogSnapshot> ConnectAsync(CancellationToken cancellationToken)
    {
        var pending = Manager.GetHealth().Count(h => h.State == ServerState.Idle);
        if (pending > 0)
        {
            _context.Error.WriteLine($"connecting to {Plural.Of(pending, "server")}...");
        }

        var started = TimeProvider.System.GetTimestamp();
        var connecting = Catalog.GetAsync(cancellationToken);
        var interval = s_firstReminder;
        while (true)
        {
            try
            {
                return await connecting.WaitAsync(interval, cancellationToken);
            }
            catch (TimeoutException)
            {
                var waiting = Manager.GetHealth().Where(h => h.State == ServerState.Connecting).Select(h => h.Name);
                var seconds = (int)TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                _context.Error.WriteLine($"still connecting after {seconds} s: {string.Join(", ", waiting)}");
                interval = interval * 2 < s_maxReminderInterval ? interval * 2 : s_maxReminderInterval;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Catalog.Dispose();
        await Manager.DisposeAsync();
        _loggerFactory.Dispose();
    }
}
