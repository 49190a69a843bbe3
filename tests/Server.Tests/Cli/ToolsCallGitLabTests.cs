using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Server.Tests.Cli;

public sealed class ToolsCallGitLabTests
{
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
    public async Task ToolsCall_GitLabToolWithoutToken_SaysHowToConfigureIt()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["tools", "call", "gitlab__list_project_labels", "--args", """{"project":"a/b"}""", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["error: GitLab is not configured: the environment variable GITLAB_TOKEN (gitlab.token_env) is not set. Create a GitLab access token (scope read_api to read; api to post comments and create issues) for https://gitlab.com, export it as GITLAB_TOKEN and restart Tributary."],
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
