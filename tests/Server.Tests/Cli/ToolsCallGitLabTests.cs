using System.Text.Json;
using Tributary.Server.Tests.Webhooks;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Server.Tests.Cli;

public sealed class ToolsCallGitLabTests
{
    // McpCatalog's "Catalog routes tool ..." entry.
    private const int CatalogRouteEventId = 2003;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToolsCall_GitLabTool_CallsGitLabAndNoUpstream()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        using var registry = TempRegistry.Write($"gitlab:\n  url: {gitLab.Url}\nmcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(
            ["tools", "call", "gitlab__get_issue", "--args", $$"""{"project":"{{FakeGitLabData.BackendPath}}","issue_iid":1}""", "--config", registry.Path],
            new Dictionary<string, string> { ["GITLAB_TOKEN"] = FakeGitLab.ValidToken },
            error: null,
            Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutputLines, line => line.Contains("Order totals ignore tax", StringComparison.Ordinal));
        Assert.DoesNotContain(result.ErrorLines, line => line.StartsWith("connecting", StringComparison.Ordinal));
        Assert.Equal(1, gitLab.CountOf("GET", $"/api/v4/projects/{FakeGitLabData.BackendId}/issues/1"));
    }

    [Fact]
    public async Task ToolsCall_GitLabTool_GoesThroughTheCatalogsTableLikeAnUpstreamTool()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        using var registry = TempRegistry.Write($"gitlab:\n  url: {gitLab.Url}\nmcp_servers: {{}}\n");
        var logs = new WaitableLogs();

        var result = await CliRunner.RunWithLogsAsync(
            ["tools", "call", "gitlab__get_merge_request", "--args", $$"""{"project":"{{FakeGitLabData.BackendPath}}","mr_iid":{{FakeGitLabData.FixtureMergeRequestIid}}}""", "--config", registry.Path, "--verbose"],
            new Dictionary<string, string> { ["GITLAB_TOKEN"] = FakeGitLab.ValidToken },
            logs,
            Token);

        Assert.Equal(0, result.ExitCode);
        using var mr = JsonDocument.Parse(string.Join('\n', result.OutputLines));
        Assert.Equal("delete-designs-v2", mr.RootElement.GetProperty("source_branch").GetString());
        var route = await logs.WaitForAsync(CatalogRouteEventId);
        Assert.Equal("Catalog routes tool gitlab__get_merge_request to source gitlab (gitlab) as get_merge_request", route.Message);
    }

    [Fact]
    public async Task ToolsCall_GitLabToolWithBadArguments_IsAToolErrorSayingWhatToFix()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["tools", "call", "gitlab__get_issue", "--args", """{"project":"a/b"}""", "--config", registry.Path], new Dictionary<string, string> { ["GITLAB_TOKEN"] = "glpat-x" }, null, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Invalid arguments for gitlab__get_issue: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("issue_iid", result.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsCall_GitLabToolWithoutToken_SaysHowToConfigureIt()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["tools", "call", "gitlab__list_project_labels", "--args", """{"project":"a/b"}""", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["GitLab is not configured: the environment variable GITLAB_TOKEN (gitlab.token_env) is not set. Create a GitLab access token (scope read_api to read; api to post comments and create issues) for https://gitlab.com, export it as GITLAB_TOKEN and restart Tributary."],
            result.ErrorLines);
    }

    [Fact]
    public async Task ToolsCall_UnknownGitLabTool_SaysSoWithoutConnecting()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["tools", "call", "gitlab__delete_project", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: no tool named 'gitlab__delete_project' is available; 'tributary tools list' shows the names"], result.ErrorLines);
    }
}
