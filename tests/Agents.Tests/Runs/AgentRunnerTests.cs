using Tributary.Agents.Runs;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;

namespace Tributary.Agents.Tests.Runs;

public sealed class AgentRunnerTests
{
    private const string Helper = """
        name: helper
        instructions: You help with {project_path}.
        mcp_servers: [everything]
        max_tool_calls: 5
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_GitLabToolThenEverythingGetSum_AnswersWithBothResults(bool stream)
    {
        var script = FakeModelServer.Sequence(
            _ => FakeModelReply.Call("gitlab-get_issue", $$"""{"project":"{{FakeGitLabData.WebPath}}","issue_iid":1}"""),
            _ => FakeModelReply.Call("everything-get-sum", """{"a":2,"b":3}"""),
            request => FakeModelReply.Answer($"Issue says: {request.ToolResults[0]} | Sum says: {request.ToolResults[1]}"));
        await using var harness = await RunHarness.StartAsync(script, ("helper.yml", Helper));

        var (result, chunks) = await harness.RunAsync(new AgentRunRequest("helper", "What is issue 1 about, and what is 2+3?"), stream);

        Assert.Equal(1, harness.GitLab.CountOf("GET", $"/api/v4/projects/{FakeGitLabData.WebId}/issues/1"));
        Assert.Contains("Broken logo on mobile", result.Text, StringComparison.Ordinal);
        Assert.Contains("The sum of 2 and 3 is 5", result.Text, StringComparison.Ordinal);
        Assert.Equal(["gitlab/get_issue Succeeded", "everything/get-sum Succeeded"], RunHarness.Account(result));
        Assert.Empty(result.MissingServers);
        var requests = harness.Model.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(stream, r.Stream));
        Assert.All(requests, r => Assert.Equal($"Bearer {RunHarness.ModelKey}", r.Authorization));
        Assert.Contains("gitlab-get_issue", requests[0].Tools);
        Assert.Contains("everything-get-sum", requests[0].Tools);
        Assert.DoesNotContain("gitlab-create_issue", requests[0].Tools);
        Assert.Equal("You help with (no project given).", requests[0].System);
        if (stream)
        {
            Assert.True(chunks.Count >= 2, "the answer arrives in several chunks");
            Assert.Equal(result.Text, string.Concat(chunks));
        }
    }

    [Fact]
    public async Task Run_McpServerDown_StillAnswersAndSaysWhichWasMissing()
    {
        var script = FakeModelServer.Sequence(request => FakeModelReply.Answer($"Answer without tools. System said: {request.System}"));
        await using var harness = await RunHarness.StartAsync(script, ("helper.yml", "name: helper\ninstructions: Help.\nmcp_servers: [down]\ngitlab_tools: none\n"));

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "hello"), stream: true);

        var missing = Assert.Single(result.MissingServers);
        Assert.Equal("down", missing.Name);
        Assert.Contains("down", missing.Reason, StringComparison.Ordinal);
        Assert.Equal(
            "Answer without tools. System said: Help.\n\nNote: the tools of these MCP servers are unavailable in this run: down. Say so if the answer would have needed them.",
            result.Text);
        Assert.DoesNotContain(Assert.Single(harness.Model.Requests).Tools, tool => tool.StartsWith("down", StringComparison.Ordinal) || tool.StartsWith("gitlab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ModelKeepsAskingForTools_StopsAtMaxToolCallsAndAsksForTheAnswer()
    {
        var script = FakeModelServer.Sequence(request => request.ToolChoice == "none"
            ? FakeModelReply.Answer($"Final after {request.ToolResults.Count} results.")
            : FakeModelReply.Call("gitlab-list_project_labels", $$"""{"project":"{{FakeGitLabData.WebPath}}"}"""));
        await using var harness = await RunHarness.StartAsync(script, ("helper.yml", "name: helper\ninstructions: Help.\nmax_tool_calls: 2\n"));

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "labels?"), stream: false);

        Assert.True(result.ToolLimitReached);
        Assert.Equal(
            ["gitlab/list_project_labels Succeeded", "gitlab/list_project_labels Succeeded", "gitlab/list_project_labels Skipped"],
            RunHarness.Account(result));
        Assert.Equal(2, harness.GitLab.CountOf("GET", $"/api/v4/projects/{FakeGitLabData.WebId}/labels"));
        Assert.Equal("Final after 3 results.", result.Text);
        var last = harness.Model.Requests[^1];
        Assert.Equal("none", last.ToolChoice);
        Assert.StartsWith("You have used all 2 tool calls", last.Messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ToolFails_ModelGetsTheErrorAsAnError()
    {
        var script = FakeModelServer.Sequence(
            _ => FakeModelReply.Call("gitlab-get_issue", """{"project":"acme/nope","issue_iid":1}"""),
            request => FakeModelReply.Answer(request.ToolResults[0]));
        await using var harness = await RunHarness.StartAsync(script, ("helper.yml", "name: helper\ninstructions: Help.\n"));

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "issue?"), stream: false);

        Assert.StartsWith("Error: ", result.Text, StringComparison.Ordinal);
        Assert.Contains("acme/nope", result.Text, StringComparison.Ordinal);
        var call = Assert.Single(result.ToolCalls);
        Assert.Equal(ToolCallOutcome.Failed, call.Outcome);
    }

    [Fact]
    public async Task Run_GitLabToolWithBadArguments_GoesThroughTheCatalogAndTellsTheModelWhatToFix()
    {
        var script = FakeModelServer.Sequence(
            _ => FakeModelReply.Call("gitlab-get_issue", $$"""{"project":"{{FakeGitLabData.WebPath}}"}"""),
            request => FakeModelReply.Answer(request.ToolResults[0]));
        await using var harness = await RunHarness.StartAsync(script, ("helper.yml", "name: helper\ninstructions: Help.\n"));

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "issue?"), stream: false);

        // The catalog's gitlab source words it as /mcp and 'tributary tools call' do: the same path for all three.
        Assert.StartsWith("Error: Invalid arguments for gitlab__get_issue: ", result.Text, StringComparison.Ordinal);
        Assert.Contains("issue_iid", result.Text, StringComparison.Ordinal);
        var call = Assert.Single(result.ToolCalls);
        Assert.Equal(("gitlab", "get_issue", ToolCallOutcome.Failed), (call.Server, call.Tool, call.Outcome));
    }

    [Fact]
    public async Task Run_UnknownAgentOrMissingKey_FailsWithWhatToDo()
    {
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("x"), ("helper.yml", "name: helper\ninstructions: Help.\n"));

        var unknown = await Assert.ThrowsAsync<AgentRunException>(() => harness.RunAsync(new AgentRunRequest("helpr", "x"), stream: false));

        Assert.Equal("no agent is named 'helpr'; agents: helper", unknown.Message);
        Assert.Equal(AgentRunFailure.UnknownAgent, unknown.Failure);
    }
}
