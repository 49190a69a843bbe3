using Tributary.Agents.Runs;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;

namespace Tributary.Agents.Tests.Runs;

public sealed class RepositoryOverrideRunTests
{
    private const string Helper = """
        name: helper
        instructions: You help with {project_path}.
        mcp_servers: [everything]
        """;

    private const string FilePath = "/api/v4/projects/1002/repository/files/.tributary.yml/raw";

    [Fact]
    public async Task Run_OverrideOnTheDefaultBranch_ReplacesTheServerListAndIsReadOnce()
    {
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("done"), ("helper.yml", Helper));
        harness.GitLab.Data.Files[FakeGitLabData.WebId][".tributary.yml"] = "mcp_servers:\n  helper: []\n";

        var (first, _) = await harness.RunAsync(new AgentRunRequest("helper", "hi", FakeGitLabData.WebPath), stream: false);
        var (second, _) = await harness.RunAsync(new AgentRunRequest("helper", "hi again", FakeGitLabData.WebPath), stream: false);

        Assert.Contains(".tributary.yml of project 'acme/web' replaces the MCP servers of agent 'helper' with: (none)", first.Notices);
        Assert.Equal(first.Notices, second.Notices);
        Assert.All(harness.Model.Requests, request => Assert.DoesNotContain("everything-get-sum", request.Tools));
        Assert.Contains("gitlab-get_issue", harness.Model.Requests[0].Tools);
        Assert.Equal(1, harness.GitLab.CountOf("GET", FilePath));
    }

    [Fact]
    public async Task Run_OverrideOnlyOnTheMergeRequestsSourceBranch_IsIgnored()
    {
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("done"), ("helper.yml", Helper));
        harness.GitLab.Data.BranchFiles[(FakeGitLabData.WebId, "ui/checkout")] = new() { [".tributary.yml"] = "mcp_servers:\n  helper: []\n" };

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "review it", FakeGitLabData.WebPath, MergeRequestIid: 1), stream: false);

        Assert.DoesNotContain(result.Notices, notice => notice.Contains("replaces", StringComparison.Ordinal));
        Assert.Contains("everything-get-sum", harness.Model.Requests[0].Tools);
        Assert.Contains(harness.GitLab.Requests, r => r.Path == FilePath && r.Query.Contains("ref=main", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.GitLab.Requests, r => r.Path == FilePath && r.Query.Contains("checkout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_MalformedOverride_IsReportedWithItsLineAndTheRunGoesOnWithTheDefaults()
    {
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("done"), ("helper.yml", Helper));
        harness.GitLab.Data.Files[FakeGitLabData.WebId][".tributary.yml"] = "mcp_servers:\n  helper: [everything\n";

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "hi", FakeGitLabData.WebPath), stream: false);

        Assert.Equal("done", result.Text);
        // The middle is YamlDotNet's own reason ("While parsing a flow sequence ..."); the line and the fix are ours.
        Assert.Contains(result.Notices, notice =>
            notice.StartsWith(".tributary.yml:3:1: invalid YAML (While parsing a flow sequence", StringComparison.Ordinal)
            && notice.EndsWith("); check the indentation, quotes and brackets here", StringComparison.Ordinal));
        Assert.Contains("everything-get-sum", harness.Model.Requests[0].Tools);
    }

    [Fact]
    public async Task Run_OverrideNamingAServerTheAgentDoesNotAllow_ReportsItAndNeverOffersItsTools()
    {
        const string Narrow = """
            name: helper
            instructions: You help with {project_path}.
            mcp_servers: []
            """;
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("done"), ("helper.yml", Narrow));
        harness.GitLab.Data.Files[FakeGitLabData.WebId][".tributary.yml"] = "mcp_servers:\n  helper: [everything]\n";

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "hi", FakeGitLabData.WebPath), stream: false);

        Assert.Equal("done", result.Text);
        Assert.Contains(".tributary.yml:2:12: mcp_servers.helper: 'everything' is not allowed for agent 'helper' (allowed: none); ignored — the operator can add it to repository_selectable_servers in agents/helper.yml", result.Notices);
        Assert.NotEmpty(harness.Model.Requests);
        Assert.All(harness.Model.Requests, request => Assert.DoesNotContain(request.Tools, tool => tool.StartsWith("everything-", StringComparison.Ordinal)));
        Assert.Contains("gitlab-get_issue", harness.Model.Requests[0].Tools);
    }

    [Fact]
    public async Task Run_OverrideChoosingARepositorySelectableServer_OffersItsTools()
    {
        const string Selectable = """
            name: helper
            instructions: You help with {project_path}.
            mcp_servers: [down]
            repository_selectable_servers: [everything]
            """;
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("done"), ("helper.yml", Selectable));
        harness.GitLab.Data.Files[FakeGitLabData.WebId][".tributary.yml"] = "mcp_servers:\n  helper: [everything]\n";

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "hi", FakeGitLabData.WebPath), stream: false);

        Assert.Contains(".tributary.yml of project 'acme/web' replaces the MCP servers of agent 'helper' with: everything", result.Notices);
        Assert.Contains("everything-get-sum", harness.Model.Requests[0].Tools);
        Assert.Empty(result.MissingServers);
    }

    [Theory]
    [InlineData("deep", ".tributary.yml:2:73: nesting deeper than 64 levels at line 2; Tributary reads at most 64 levels of lists and mappings, so the file is not read; flatten it")]
    [InlineData("aliases", ".tributary.yml:5:45: aliases expand to more than 100,000 values at line 5; Tributary expands at most 100,000 (an alias bomb would exhaust memory), so the file is not read; write the values out or use fewer aliases")]
    [InlineData("huge", ".tributary.yml: the file is 70,015 bytes, more than the limit of 65,536 bytes (64 KiB), so it is not read; check that this is the right file")]
    public async Task Run_HostileOverride_IsReportedAndTheRunGoesOnWithTheDefaults(string kind, string expected)
    {
        await using var harness = await RunHarness.StartAsync(_ => FakeModelReply.Answer("done"), ("helper.yml", Helper));
        harness.GitLab.Data.Files[FakeGitLabData.WebId][".tributary.yml"] = HostileOverride(kind);

        var (result, _) = await harness.RunAsync(new AgentRunRequest("helper", "hi", FakeGitLabData.WebPath), stream: false);

        Assert.Equal("done", result.Text);
        Assert.Contains(expected, result.Notices);
        Assert.Contains("everything-get-sum", harness.Model.Requests[0].Tools);
    }

    private static string HostileOverride(string kind) => kind switch
    {
        "deep" => "mcp_servers:\n  helper: " + new string('[', 60_000),
        "aliases" => "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n")),
        _ => "review_rules: " + new string('x', 70_000) + "\n",
    };
}
