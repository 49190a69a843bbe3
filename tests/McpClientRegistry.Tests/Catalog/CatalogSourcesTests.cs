using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Tests.Connections;

namespace Tributary.McpClientRegistry.Tests.Catalog;

public sealed class CatalogSourcesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_BuiltInSourceBesideAnUpstream_ListsBothKindsAndRoutesByTheTableNotByTheName()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("alpha").WithTool("search"));
        var (manager, _) = TestRegistry.Create(factory, servers: TestRegistry.Http("alpha"));
        await using var __ = manager;

        // An unprefixed built-in tool whose name looks like the upstream's: splitting at "__" would send it to alpha.
        var kit = new KitSource("kit", prefix: "", "alpha__search");
        using var catalog = new McpCatalog(manager, [kit]);

        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal([("kit", "kit"), ("alpha", "upstream")], snapshot.Sources.Select(s => (s.Name, s.Kind)));
        var upstream = Assert.Single(snapshot.Tools, t => t.ServerName == "alpha");
        Assert.Matches("^alpha__search_[0-9a-f]{8}$", upstream.Name);
        Assert.Equal("kit:alpha__search", await CallTextAsync(catalog, "alpha__search"));
        Assert.Equal("alpha:search", await CallTextAsync(catalog, upstream.Name));
        Assert.Equal(["alpha__search"], kit.Calls);
    }

    [Fact]
    public async Task FindPublishedToolAsync_ToolItsSourceKeepsFromClients_NotFoundLikeAnUnknownName()
    {
        await using var factory = new InMemoryUpstreamFactory();
        var (manager, _) = TestRegistry.Create(factory);
        await using var __ = manager;
        using var catalog = new McpCatalog(manager, [new KitSource("kit", prefix: "kit", "read", "write") { Unpublished = new HashSet<string> { "write" } }]);

        var error = await Assert.ThrowsAsync<UpstreamException>(() => catalog.FindPublishedToolAsync("kit__write", Token));

        Assert.Equal("no tool named 'kit__write' is available; 'tributary tools list' shows the names", error.Message);
        Assert.True((await catalog.FindPublishedToolAsync("kit__read", Token)).Published);
        Assert.False((await catalog.FindToolAsync("kit__write", Token)).Published);
    }

    private static async Task<string> CallTextAsync(McpCatalog catalog, string name)
    {
        var result = await catalog.CallToolAsync(name, null, CallContext.None, Token);
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }

    /// <summary>A built-in source with fixed tools that answer with their source's and their own name.</summary>
    private sealed class KitSource(string name, string prefix, params string[] tools) : ICatalogSource
    {
        public List<string> Calls { get; } = [];

        public IReadOnlySet<string> Unpublished { get; init; } = new HashSet<string>();

        public event Action<ICatalogSource>? ListingChanged
        {
            add { }
            remove { }
        }

        public string Name => name;

        public string Prefix => prefix;

        public string Kind => "kit";

        public CatalogListing Listing => new([.. tools.Select(t => new Tool { Name = t })], [], [], []) { Unpublished = Unpublished };

        public string? Problem => null;

        public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<CallToolResult> CallToolAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken)
        {
            Calls.Add(toolName);
            return Task.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = $"{name}:{toolName}" }] });
        }

        public Task<GetPromptResult> GetPromptAsync(string promptName, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SubscribeAsync(string uri, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UnsubscribeAsync(string uri, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
