using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Tests.Connections;

namespace Tributary.McpClientRegistry.Tests.Catalog;

public sealed class McpCatalogTests
{
    private static readonly string SeventyChars = "summarize_the_complete_history_of_every_issue_in_the_project_verbosely";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_SameToolOnTwoUnprefixedServers_BothExposedUniquelyAndRoutedToTheirOwner()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("alpha").WithTool("search"), new InMemoryUpstream("beta").WithTool("search"));
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("alpha", prefix: ""), TestRegistry.Http("beta", prefix: "")]);
        await using var _ = manager;

        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal(2, snapshot.Tools.Count);
        var kept = Assert.Single(snapshot.Tools, t => t.ServerName == "alpha");
        var renamed = Assert.Single(snapshot.Tools, t => t.ServerName == "beta");
        Assert.Equal("search", kept.Name);
        Assert.Matches(@"^search_[0-9a-f]{8}$", renamed.Name);
        var collision = Assert.Single(snapshot.Collisions);
        Assert.Equal(new NameCollision("tool", "search", "beta", "search", "alpha", renamed.Name), collision);
        Assert.Equal("alpha:search", await CallTextAsync(catalog, kept.Name));
        Assert.Equal("beta:search", await CallTextAsync(catalog, renamed.Name));
    }

    [Fact]
    public async Task GetAsync_SameInputsTwice_SameNames()
    {
        var names = new List<string[]>();
        for (var i = 0; i < 2; i++)
        {
            await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("alpha").WithTool("search"), new InMemoryUpstream("beta").WithTool("search").WithTool(SeventyChars));
            var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("alpha", prefix: ""), TestRegistry.Http("beta", prefix: "")]);
            await using var _ = manager;
            names.Add([.. (await catalog.GetAsync(Token)).Tools.Select(t => t.Name)]);
        }

        Assert.Equal(names[0], names[1]);
    }

    [Fact]
    public async Task GetAsync_LongAndOddNames_ValidUniqueAndEachCallReachesItsTool()
    {
        string[] odd = [SeventyChars, "get.data", "has space", "get_data"];
        var upstream = new InMemoryUpstream("docs");
        foreach (var name in odd)
        {
            upstream.WithTool(name);
        }

        await using var factory = new InMemoryUpstreamFactory(upstream);
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;

        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal(4, snapshot.Tools.Select(t => t.Name).Distinct().Count());
        Assert.All(snapshot.Tools, t => Assert.Matches(ExposedNamesTests.ValidName(), t.Name));
        Assert.Equal("docs__has_space", snapshot.Tools.Single(t => t.OriginalName == "has space").Name);
        Assert.Equal(64, snapshot.Tools.Single(t => t.OriginalName == SeventyChars).Name.Length);
        foreach (var tool in snapshot.Tools)
        {
            Assert.Equal($"docs:{tool.OriginalName}", await CallTextAsync(catalog, tool.Name));
        }
    }

    [Fact]
    public async Task GetAsync_AllowAndDenyLists_OnlyAllowedToolsExposed()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("gitlab").WithTool("list_issues").WithTool("get_issue").WithTool("delete_issue").WithTool("create_issue"));
        var filter = new ToolFilter(Allow: ["list_*", "get_*", "delete_*"], Deny: ["delete_*"]);
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("gitlab") with { Tools = filter });
        await using var _ = manager;

        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal(["gitlab__get_issue", "gitlab__list_issues"], snapshot.Tools.Select(t => t.Name));
        Assert.Equal(2, manager.GetHealth()[0].ToolCount);
    }

    [Fact]
    public async Task GetAsync_OneServerNotConfigured_OthersStillListed()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho(), new InMemoryUpstream("sentry").WithEcho());
        var sentry = TestRegistry.Http("sentry") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "SENTRY_TOKEN" };
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("docs"), sentry]);
        await using var _ = manager;

        var snapshot = await catalog.GetAsync(Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => catalog.CallToolAsync("sentry__echo", null, CallContext.None, Token));

        Assert.Equal(["docs__echo"], snapshot.Tools.Select(t => t.Name));
        Assert.Equal(0, factory["sentry"].ConnectCount);
        Assert.Equal(
            "no tool named 'sentry__echo' is available: server 'sentry' is not configured: environment variable SENTRY_TOKEN is not set (server 'sentry', field 'auth_token_env'); export it or set enabled: false",
            error.Message);
    }

    [Fact]
    public async Task GetAsync_EveryServerTried_CompletesAtOnceWithoutContactingAny()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture));
        var down = new InMemoryUpstream("down") { FailConnectWith = new HttpRequestException("Connection refused (down.test:80)") }.WithEcho();
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho(), down);
        var (manager, catalog) = TestRegistry.Create(factory, time, servers: [TestRegistry.Http("docs"), TestRegistry.Http("down")]);
        await using var _ = manager;
        await catalog.GetAsync(Token);
        await catalog.GetAsync(Token); // the second failure opens down's circuit: its next attempt is in about a second

        var warm = catalog.GetAsync(Token);

        Assert.True(warm.IsCompletedSuccessfully, "a warm catalog answers without awaiting");
        Assert.Equal(["docs__echo"], (await warm).Tools.Select(t => t.Name));
        Assert.Equal((1, 2), (factory["docs"].ConnectCount, down.ConnectCount));
        Assert.NotNull(manager.GetHealth()[1].NextAttempt);
    }

    [Fact]
    public async Task GetAsync_FailedServerBackoffOver_TriesItAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", CultureInfo.InvariantCulture));
        var down = new InMemoryUpstream("down") { FailConnectWith = new HttpRequestException("Connection refused (down.test:80)") }.WithEcho();
        await using var factory = new InMemoryUpstreamFactory(down);
        var (manager, catalog) = TestRegistry.Create(factory, time, servers: TestRegistry.Http("down"));
        await using var _ = manager;
        await catalog.GetAsync(Token);
        await catalog.GetAsync(Token);
        down.FailConnectWith = null;

        time.Advance(TimeSpan.FromSeconds(1.3));
        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal(["down__echo"], snapshot.Tools.Select(t => t.Name));
        Assert.Equal(3, down.ConnectCount);
    }

    [Fact]
    public async Task CallTool_UnknownName_SaysHowToFindNames()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;

        var error = await Assert.ThrowsAsync<UpstreamException>(() => catalog.CallToolAsync("nothing__here", null, CallContext.None, Token));

        Assert.Equal(UpstreamFailureKind.NotFound, error.Kind);
        Assert.Equal("no tool named 'nothing__here' is available; 'tributary tools list' shows the names", error.Message);
    }

    private static async Task<string> CallTextAsync(McpCatalog catalog, string name)
    {
        var result = await catalog.CallToolAsync(name, null, CallContext.None, Token);
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }
}
