using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.Logging;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// A connection manager and catalog built from registry YAML through <see cref="RegistryConfigLoader"/>,
/// resolving variables from a dictionary instead of the process environment, against real servers.
/// </summary>
internal sealed class LiveRegistry : IAsyncDisposable
{
    /// <summary>The safety bound of every wait, so a bug fails the test instead of hanging CI.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly ILoggerFactory _logs;

    private LiveRegistry(McpConnectionManager manager, ILoggerFactory logs)
    {
        Manager = manager;
        Catalog = new McpCatalog(manager);
        _logs = logs;
    }

    public McpConnectionManager Manager { get; }

    public McpCatalog Catalog { get; }

    /// <summary>Parses <paramref name="yaml"/> (failing the test on any config error) and builds the manager on <paramref name="time"/> (the system clock by default).</summary>
    public static LiveRegistry Create(
        string yaml,
        ITestOutputHelper? output,
        IReadOnlyDictionary<string, string>? variables = null,
        CapturedLogs? capture = null,
        TimeProvider? time = null)
    {
        var result = RegistryConfigLoader.Parse(yaml, "integration.yml");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var logs = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (output is not null)
            {
                builder.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Debug));
            }

            if (capture is not null)
            {
                builder.AddProvider(capture);
            }
        });
        var resolver = new EndpointResolver((variables ?? new Dictionary<string, string>()).GetValueOrDefault);
        return new LiveRegistry(new McpConnectionManager(result.Config, logs, time ?? TimeProvider.System, resolver), logs);
    }

    /// <summary>Writes <paramref name="value"/> as a double-quoted YAML scalar (JSON string syntax is valid YAML).</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value);

    public ServerHealth Health(string serverName) => Manager.GetHealth().Single(h => h.Name == serverName);

    /// <summary>Polls <paramref name="serverName"/>'s health until <paramref name="condition"/> holds, within <see cref="Bound"/>.</summary>
    public async Task<ServerHealth> WaitForHealthAsync(string serverName, Func<ServerHealth, bool> condition, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Bound);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var health = Health(serverName);
        while (!condition(health))
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"server '{serverName}' did not reach the expected health within {Bound}; last seen: {health}");
            }

            health = Health(serverName);
        }

        return health;
    }

    /// <summary>Calls <paramref name="tool"/> and returns the text of its single content block.</summary>
    public async Task<string> CallTextAsync(string tool, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken)
    {
        var result = await Catalog.CallToolAsync(tool, arguments, CallContext.None, cancellationToken).WaitAsync(Bound, cancellationToken);
        Assert.NotEqual(true, result.IsError);
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }

    public async ValueTask DisposeAsync()
    {
        Catalog.Dispose();
        await Manager.DisposeAsync();
        _logs.Dispose();
    }
}
