using Tributary.McpClientRegistry.Catalog;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>Exposed names stay valid and unique, and route to the right upstream and tool, with real servers.</summary>
public sealed class CatalogNamingTests(ITestOutputHelper output)
{
    private const string SeventyChars = "summarize_the_complete_history_of_every_issue_in_the_project_verbosely";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_SameToolOnTwoUnprefixedServers_DistinctNamesEachRoutedToItsServer()
    {
        await using var alpha = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "alpha", Tools = ["search"] }, Token);
        await using var beta = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "beta", Tools = ["search"] }, Token);
        await using var registry = LiveRegistry.Create(
            $"""
            mcp_servers:
              alpha:
                url: {alpha.Url}
                prefix: ""
              beta:
                url: {beta.Url}
                prefix: ""
            """,
            output);
        var query = new Dictionary<string, object?> { ["q"] = "x" };

        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        var kept = Assert.Single(snapshot.Tools, t => t.ServerName == "alpha");
        var renamed = Assert.Single(snapshot.Tools, t => t.ServerName == "beta");
        Assert.Equal("search", kept.Name);
        Assert.Matches("^search_[0-9a-f]{8}$", renamed.Name);
        Assert.Equal(new NameCollision("tool", "search", "beta", "search", "alpha", renamed.Name), Assert.Single(snapshot.Collisions));
        Assert.Equal("alpha:search:{\"q\":\"x\"}", await registry.CallTextAsync(kept.Name, query, Token));
        Assert.Equal("beta:search:{\"q\":\"x\"}", await registry.CallTextAsync(renamed.Name, query, Token));
    }

    [Fact]
    public async Task GetAsync_LongAndOddToolNames_ValidUniqueAndEachReachesItsTool()
    {
        string[] odd = [SeventyChars, "get.data", "has space", "get_data"];
        await using var docs = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "docs", Tools = odd }, Token);
        await using var registry = LiveRegistry.Create(
            $"""
            mcp_servers:
              docs:
                url: {docs.Url}
            """,
            output);

        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        Assert.Equal(odd.Order(StringComparer.Ordinal), snapshot.Tools.Select(t => t.OriginalName).Order(StringComparer.Ordinal));
        Assert.All(snapshot.Tools, t => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", t.Name));
        Assert.Equal(odd.Length, snapshot.Tools.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("docs__has_space", snapshot.Tools.Single(t => t.OriginalName == "has space").Name);
        Assert.Equal(64, snapshot.Tools.Single(t => t.OriginalName == SeventyChars).Name.Length);
        foreach (var tool in snapshot.Tools)
        {
            Assert.Equal($"docs:{tool.OriginalName}:{{}}", await registry.CallTextAsync(tool.Name, null, Token));
        }
    }
}
