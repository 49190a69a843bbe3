using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.Server.Host;
using Tributary.Server.Telemetry;

namespace Tributary.Server.Cli;

/// <summary>
/// The services of one command, from the same composition root as <c>serve</c> (<see cref="TributaryCoreExtensions.AddTributaryCore"/>):
/// the connections, the catalog and its sources, GitLab and the agents, logging to the command's stderr.
/// Disposing it closes every connection, ends stdio servers' process trees and flushes telemetry.
/// </summary>
internal sealed class CommandScope : IAsyncDisposable
{
    // The first reminder comes soon; later ones back off so a long connect_timeout does not flood the terminal.
    private static readonly TimeSpan s_firstReminder = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_maxReminderInterval = TimeSpan.FromMinutes(1);

    private readonly CliContext _context;
    private readonly ServiceProvider _services;

    /// <summary>Builds the services for <paramref name="config"/>; nothing is contacted yet.</summary>
    public CommandScope(TributaryConfig config, CliContext context, LogLevel logLevel, ILoginPrompt? prompt = null, bool keepTokens = true)
    {
        _context = context;
        var services = new ServiceCollection();

        // Registered before the core, which only adds its own when none is there. Tokens kept on disk live in the
        // user's data directory; a one-off check keeps them in memory and writes nothing.
        services.AddSingleton(_ => keepTokens ? TokenStore.InDirectory(DataDirectory.Resolve(context.ReadVariable)) : TokenStore.InMemory());
        services.AddSingleton(sp => new UpstreamAuthorization(sp.GetRequiredService<TokenStore>(), prompt));

        // Created by the container, so that disposing it disposes the factory too.
        services.AddSingleton(_ => context.CreateLoggerFactory(logLevel));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddTributaryCore(config, context.ReadVariable);
        services.AddCommandTelemetry(context.ReadVariable);
        _services = services.BuildServiceProvider();
        _services.StartCommandTelemetry();
        Manager = _services.GetRequiredService<McpConnectionManager>();
        Catalog = _services.GetRequiredService<McpCatalog>();
    }

    /// <summary>The connections.</summary>
    public McpConnectionManager Manager { get; }

    /// <summary>The merged catalog.</summary>
    public McpCatalog Catalog { get; }

    /// <summary>The command's services: everything <c>serve</c> has but its endpoints.</summary>
    public IServiceProvider Services => _services;

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
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
