using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Host;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Server.Tests.Host;

public sealed class TributaryCoreExtensionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddTributaryCore_Catalog_ListsTheGitLabToolkitAndTheUpstreamAsSourcesAndRoutesToEach()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        var loaded = TributaryConfigLoader.Parse($"gitlab:\n  url: {gitLab.Url}\nmcp_servers:\n{TempRegistry.EverythingStdio()}", "tributary.yml");
        var services = new ServiceCollection().AddLogging();
        services.AddTributaryCore(loaded.Config!, name => name == "GITLAB_TOKEN" ? FakeGitLab.ValidToken : null);
        await using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<McpCatalog>();

        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal([("gitlab", "gitlab"), ("everything", "upstream")], snapshot.Sources.Select(s => (s.Name, s.Kind)));
        Assert.Equal("gitlab", snapshot.FindTool("gitlab__get_merge_request")?.ServerName);
        Assert.Equal("everything", snapshot.FindTool("everything__echo")?.ServerName);

        var mr = await catalog.CallToolAsync(
            "gitlab__get_merge_request",
            new Dictionary<string, object?> { ["project"] = FakeGitLabData.BackendPath, ["mr_iid"] = FakeGitLabData.FixtureMergeRequestIid },
            CallContext.None,
            Token);
        var echo = await catalog.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "hi" }, CallContext.None, Token);

        using var json = JsonDocument.Parse(Text(mr));
        Assert.Equal("delete-designs-v2", json.RootElement.GetProperty("source_branch").GetString());
        Assert.Equal("Echo: hi", Text(echo));
    }

    [Fact]
    public async Task AddTributaryCore_GitLabWritersWithoutMcpReadWrite_AreInTheCatalogButNotPublished()
    {
        var loaded = TributaryConfigLoader.Parse("mcp_servers: {}\n", "tributary.yml");
        var services = new ServiceCollection().AddLogging();
        services.AddTributaryCore(loaded.Config!, _ => null);
        await using var provider = services.BuildServiceProvider();

        var snapshot = await provider.GetRequiredService<McpCatalog>().GetAsync(Token);

        Assert.Equal(13, snapshot.Tools.Count);
        Assert.Equal(["gitlab__post_merge_request_comment", "gitlab__create_issue"], snapshot.Tools.Where(t => !t.Published).Select(t => t.Name));
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
