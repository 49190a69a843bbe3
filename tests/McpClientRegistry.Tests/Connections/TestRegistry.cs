using Microsoft.Extensions.Logging.Abstractions;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Telemetry;

namespace Tributary.McpClientRegistry.Tests.Connections;

/// <summary>Registry entries and a manager wired to in-memory upstreams.</summary>
internal static class TestRegistry
{
    public static McpServerConfig Http(string name, string? prefix = null) => new()
    {
        Name = name,
        Prefix = prefix ?? name,
        Transport = McpTransportKind.StreamableHttp,
        Url = $"http://{name}.test/mcp",
    };

    public static McpServerConfig Stdio(string name) => new()
    {
        Name = name,
        Prefix = name,
        Transport = McpTransportKind.Stdio,
        Command = "in-memory",
    };

    public static (McpConnectionManager Manager, McpCatalog Catalog) Create(
        InMemoryUpstreamFactory factory,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string>? variables = null,
        params McpServerConfig[] servers)
    {
        var manager = new McpConnectionManager(
            new RegistryConfig("test.yml", servers),
            NullLoggerFactory.Instance,
            time ?? TimeProvider.System,
            new EndpointResolver(name => variables?.GetValueOrDefault(name)),
            new UpstreamTelemetry(),
            factory);
        return (manager, new McpCatalog(manager));
    }

    /// <summary>A task that completes when <paramref name="catalog"/> publishes a snapshot matching <paramref name="condition"/>.</summary>
    public static Task<CatalogSnapshot> NextSnapshot(McpCatalog catalog, Func<CatalogSnapshot, bool> condition)
    {
        var published = new TaskCompletionSource<CatalogSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        catalog.Changed += (_, snapshot) =>
        {
            if (condition(snapshot))
            {
                published.TrySetResult(snapshot);
            }
        };
        // A safety net so a broken build fails instead of hanging CI; not a timing assertion.
        return published.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
