using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;

namespace Tributary.Server.Tests.Cli;

public sealed class AgentsCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TempRegistry WriteConfig(string models, Uri? gitLab = null)
    {
        var registry = TempRegistry.Write($"""
            {(gitLab is null ? string.Empty : $"gitlab: {{ url: \"{gitLab}\" }}")}
            models:
            {models}
            """);
        Directory.CreateDirectory(Path.Combine(registry.Directory, "agents"));
        File.WriteAllText(Path.Combine(registry.Directory, "agents", "helper.yml"), "name: helper\ndescription: Helps\ninstructions: Help with {project_path}.\ngitlab_tools: [get_issue]\n");
        File.WriteAllText(Path.Combine(registry.Directory, "agents", "quiet.yml"), "name: quiet\ninstructions: Be brief.\ngitlab_tools: none\n");
        return registry;
    }

    [Fact]
    public async Task AgentsList_TwoAgents_PrintsATable()
    {
        using var registry = WriteConfig("  gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }");

        var result = await CliRunner.RunAsync(["agents", "list", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "NAME    MODEL  GITLAB TOOLS  MCP SERVERS  DESCRIPTION",
                "helper  gpt    get_issue     -            Helps",
                "quiet   gpt    none          -",
            ],
            result.OutputLines);
    }

    [Fact]
    public async Task AgentsRun_FakeModelCallsGitLab_StreamsTheAnswerAndAccountsForTheCall()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        await using var model = await FakeModelServer.StartAsync(
            FakeModelServer.Sequence(
                _ => FakeModelReply.Call("gitlab-get_issue", $$"""{"project":"{{FakeGitLabData.WebPath}}","issue_iid":1}"""),
                request => FakeModelReply.Answer(request.ToolResults[0].Contains("Broken logo", StringComparison.Ordinal) ? "Issue 1: the logo breaks on mobile." : "no")),
            Token);
        using var registry = WriteConfig($"  fake: {{ provider: openai-compatible, endpoint: \"{model.Endpoint}\", model: m }}", gitLab.Url);

        var result = await CliRunner.RunAsync(
            ["agents", "run", "helper", "--prompt", "What is issue 1?", "--config", registry.Path],
            new Dictionary<string, string> { ["GITLAB_TOKEN"] = FakeGitLab.ValidToken },
            error: null,
            Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Issue 1: the logo breaks on mobile."], result.OutputLines);
        Assert.StartsWith("agent helper on model fake: 1 tool call\n  gitlab/get_issue  ok  ", result.Error, StringComparison.Ordinal);
        Assert.All(model.Requests, r => Assert.True(r.Stream));
    }

    [Fact]
    public async Task AgentsRun_ApiKeyNotSet_SaysWhichVariableToExport()
    {
        using var registry = WriteConfig("  gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }");

        var result = await CliRunner.RunAsync(["agents", "run", "quiet", "--prompt", "hi", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: model 'gpt' needs its API key in the environment variable OPENAI_API_KEY (api_key_env), which is not set; export it and try again\n", result.Error);
    }

    [Fact]
    public async Task AgentsRun_UnknownAgent_ListsTheAgents()
    {
        using var registry = WriteConfig("  gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }");

        var result = await CliRunner.RunAsync(["agents", "run", "helpr", "--prompt", "hi", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no agent is named 'helpr'; agents: helper, quiet\n", result.Error);
    }
}
