using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Server.Tests.GitLab;

public sealed class GitLabMcpToolTests
{
    private const string Backend = FakeGitLabData.BackendPath;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    private static async Task<string> CallOkAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync($"gitlab__{tool}", arguments, cancellationToken: Token);
        Assert.True(result.IsError is not true, Text(result));
        return Text(result);
    }

    [Fact]
    public async Task ListTools_McpToolsUnset_ListsOnlyTheElevenReadersAndAWriterIsUnknown()
    {
        await using var env = await GitLabHost.StartAsync();

        var tools = await env.Client.ListToolsAsync(cancellationToken: Token);
        var call = await env.Client.CallToolAsync("gitlab__create_issue", new Dictionary<string, object?> { ["project"] = FakeGitLabData.WebPath, ["title"] = "Spam" }, cancellationToken: Token);

        Assert.Equal(
            ["gitlab__list_merge_requests", "gitlab__get_merge_request", "gitlab__get_merge_request_diff",
             "gitlab__list_issues", "gitlab__get_issue", "gitlab__get_file_content", "gitlab__get_repository_tree",
             "gitlab__search_code", "gitlab__get_pipeline_status", "gitlab__get_failed_pipeline_logs", "gitlab__list_project_labels"],
            tools.Select(t => t.Name));
        Assert.True(call.IsError);
        Assert.Equal("no tool named 'gitlab__create_issue' is available; 'tributary tools list' shows the names", Text(call));
        Assert.Empty(env.GitLab.Posts);
    }

    [Fact]
    public async Task ListTools_McpToolsReadWrite_ListsTheThirteenGitLabToolsWithAnnotations()
    {
        await using var env = await GitLabHost.StartAsync(mcpTools: "read-write");

        var tools = await env.Client.ListToolsAsync(cancellationToken: Token);

        Assert.Equal(
            ["gitlab__list_merge_requests", "gitlab__get_merge_request", "gitlab__get_merge_request_diff", "gitlab__post_merge_request_comment",
             "gitlab__list_issues", "gitlab__get_issue", "gitlab__create_issue", "gitlab__get_file_content", "gitlab__get_repository_tree",
             "gitlab__search_code", "gitlab__get_pipeline_status", "gitlab__get_failed_pipeline_logs", "gitlab__list_project_labels"],
            tools.Select(t => t.Name));
        foreach (var tool in tools)
        {
            var annotations = tool.ProtocolTool.Annotations!;
            bool writes = tool.Name is "gitlab__post_merge_request_comment" or "gitlab__create_issue";
            Assert.Equal(!writes, annotations.ReadOnlyHint);
            Assert.Equal(writes ? false : null, annotations.DestructiveHint);
            Assert.Equal(writes ? false : null, annotations.IdempotentHint);
            Assert.False(string.IsNullOrEmpty(tool.Description));
        }

        var schema = tools.Single(t => t.Name == "gitlab__get_merge_request").JsonSchema;
        Assert.Equal(["project", "mr_iid"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", schema.GetProperty("properties").GetProperty("mr_iid").GetProperty("type").GetString());
        Assert.Empty(env.GitLab.Requests);
    }

    [Fact]
    public async Task MergeRequestTools_SubgroupPath_ListGetDiffAndComment()
    {
        await using var env = await GitLabHost.StartAsync(mcpTools: "read-write");
        env.GitLab.MaxPerPage = 10;

        using var list = JsonDocument.Parse(await CallOkAsync(env.Client, "list_merge_requests", new() { ["project"] = Backend, ["max_results"] = 25 }));
        Assert.Equal(25, list.RootElement.GetProperty("count").GetInt32());
        Assert.True(list.RootElement.GetProperty("more_available").GetBoolean());
        Assert.Equal(3, env.GitLab.Requests.Count(r => r.Path == "/api/v4/projects/278964/merge_requests"));

        using var mr = JsonDocument.Parse(await CallOkAsync(env.Client, "get_merge_request", new() { ["project"] = Backend, ["mr_iid"] = FakeGitLabData.FixtureMergeRequestIid }));
        Assert.Equal("delete-designs-v2", mr.RootElement.GetProperty("source_branch").GetString());

        string diff = await CallOkAsync(env.Client, "get_merge_request_diff", new() { ["project"] = Backend, ["mr_iid"] = FakeGitLabData.FixtureMergeRequestIid });
        Assert.Equal("Merge request !14656 of acme/platform/backend: 2 changed files\n\n--- README (modified)\n@@ -1 +1 @@ -Title +README\n\n--- VERSION (modified)\n@@ -1.9.7 +1.9.8\n", diff);

        string note = await CallOkAsync(env.Client, "post_merge_request_comment", new() { ["project"] = Backend, ["mr_iid"] = FakeGitLabData.FixtureMergeRequestIid, ["body"] = "LGTM" });
        Assert.Contains("\"posted_on\":\"acme/platform/backend!14656\"", note, StringComparison.Ordinal);
        Assert.Equal("LGTM", Assert.Single(env.GitLab.Posts).Body.GetProperty("body").GetString());
    }

    [Fact]
    public async Task IssueAndLabelTools_ListGetCreateAndLabels()
    {
        await using var env = await GitLabHost.StartAsync(mcpTools: "read-write");

        using var issues = JsonDocument.Parse(await CallOkAsync(env.Client, "list_issues", new() { ["project"] = Backend, ["labels"] = "bug" }));
        Assert.Equal(["Order totals ignore tax"], issues.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        using var issue = JsonDocument.Parse(await CallOkAsync(env.Client, "get_issue", new() { ["project"] = Backend, ["issue_iid"] = 2 }));
        Assert.Equal("Slow order search", issue.RootElement.GetProperty("title").GetString());
        Assert.Equal("2026.12", issue.RootElement.GetProperty("milestone").GetString());

        string created = await CallOkAsync(env.Client, "create_issue", new() { ["project"] = FakeGitLabData.WebPath, ["title"] = "Fix the footer", ["description"] = "It overlaps.", ["labels"] = "bug,frontend" });
        Assert.Equal("""{"iid":2,"title":"Fix the footer","labels":["bug","frontend"],"web_url":"https://gitlab.example.com/acme/web/-/issues/2"}""", created);
        var post = Assert.Single(env.GitLab.Posts);
        Assert.Equal("/api/v4/projects/1002/issues", post.Path);
        Assert.Equal("It overlaps.", post.Body.GetProperty("description").GetString());

        using var labels = JsonDocument.Parse(await CallOkAsync(env.Client, "list_project_labels", new() { ["project"] = Backend }));
        Assert.Equal(["bug", "backend", "database", "performance", "documentation"], labels.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task RepositoryTools_FileTreeAndSearch()
    {
        await using var env = await GitLabHost.StartAsync();

        Assert.Equal("# Backend\n\nThe order service of ACME.\n\nRun `make test` to test it.\n", await CallOkAsync(env.Client, "get_file_content", new() { ["project"] = Backend, ["file_path"] = "README.md" }));
        Assert.Equal("# Web\n\nThe storefront.\n", await CallOkAsync(env.Client, "get_file_content", new() { ["project"] = FakeGitLabData.WebPath, ["file_path"] = "README.md", ["ref"] = "main" }));

        string tree = await CallOkAsync(env.Client, "get_repository_tree", new() { ["project"] = Backend, ["path"] = "src" });
        Assert.Equal("tree src/orders\nblob src/orders/__init__.py\nblob src/orders/total.py\n", tree);

        using var search = JsonDocument.Parse(await CallOkAsync(env.Client, "search_code", new() { ["project"] = Backend, ["query"] = "order_total" }));
        Assert.Equal(["src/orders/total.py", "tests/test_orders.py"], search.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task PipelineTools_StatusAndTheFailedJobsLogTails()
    {
        await using var env = await GitLabHost.StartAsync();

        using var status = JsonDocument.Parse(await CallOkAsync(env.Client, "get_pipeline_status", new() { ["project"] = Backend }));
        Assert.Equal("failed", status.RootElement.GetProperty("status").GetString());
        Assert.Equal(["build:success", "test:failed", "lint:failed"], status.RootElement.GetProperty("jobs").EnumerateArray().Select(j => $"{j.GetProperty("name").GetString()}:{j.GetProperty("status").GetString()}"));

        string logs = await CallOkAsync(env.Client, "get_failed_pipeline_logs", new() { ["project"] = Backend, ["pipeline_id"] = FakeGitLabData.FailedPipelineId });
        Assert.StartsWith("Pipeline 5001 of acme/platform/backend: status failed, ref main, 2 failed jobs\n\n=== job test (id 9002, stage test, failure reason script_failure) ===\n[first 224 lines not shown]\n", logs, StringComparison.Ordinal);
        Assert.Contains(FakeGitLabData.TestFailureLine + "\nERROR: Job failed: exit code 1\n", logs, StringComparison.Ordinal);
        Assert.Contains("=== job lint (id 9003, stage test, failure reason script_failure) ===\n$ ruff check .\nsrc/orders/total.py:3:17: F821 Undefined name `ITEMS`\n", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("9001", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_UnknownMergeRequestAndProject_AreToolErrorsNamingThem()
    {
        await using var env = await GitLabHost.StartAsync();

        var mr = await env.Client.CallToolAsync("gitlab__get_merge_request", new Dictionary<string, object?> { ["project"] = Backend, ["mr_iid"] = 404 }, cancellationToken: Token);
        var project = await env.Client.CallToolAsync("gitlab__list_issues", new Dictionary<string, object?> { ["project"] = "acme/platform/gone" }, cancellationToken: Token);

        Assert.True(mr.IsError);
        Assert.Equal("Merge request !404 of project 'acme/platform/backend' was not found on GitLab (404 Not Found); check the project (a numeric id or its full path, group/subgroup/project) and the number, and that the token's user can see it.", Text(mr));
        Assert.True(project.IsError);
        Assert.Equal("Project 'acme/platform/gone' was not found on GitLab (404 Not Found); check the project (a numeric id or its full path, group/subgroup/project) and the number, and that the token's user can see it.", Text(project));
    }

    [Fact]
    public async Task Call_RejectedToken_IsAToolErrorSayingToReplaceIt()
    {
        await using var env = await GitLabHost.StartAsync(token: "glpat-expired");

        var result = await env.Client.CallToolAsync("gitlab__get_issue", new Dictionary<string, object?> { ["project"] = Backend, ["issue_iid"] = 1 }, cancellationToken: Token);

        Assert.True(result.IsError);
        Assert.Equal($"GitLab ({env.GitLab.Url.ToString().TrimEnd('/')}) rejected the token in GITLAB_TOKEN (401 Unauthorized): it is invalid, expired or revoked. Create a new access token (scope read_api to read; api to write), export it as GITLAB_TOKEN and restart Tributary.", Text(result));
    }

    [Fact]
    public async Task Call_RateLimitedOnce_IsRetriedAfterRetryAfterAndSucceeds()
    {
        await using var env = await GitLabHost.StartAsync();
        env.GitLab.FailNext(429, retryAfter: TimeSpan.FromSeconds(1));

        string labels = await CallOkAsync(env.Client, "list_project_labels", new() { ["project"] = FakeGitLabData.BackendId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("\"count\":5", labels, StringComparison.Ordinal);
        var sent = env.GitLab.Requests;
        Assert.Equal(2, sent.Count);
        Assert.True(sent[1].ReceivedAt - sent[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), $"retried after {sent[1].ReceivedAt - sent[0].ReceivedAt}");
    }

    [Fact]
    public async Task Call_SamePathTwice_LooksTheProjectUpOnce()
    {
        await using var env = await GitLabHost.StartAsync();

        await CallOkAsync(env.Client, "get_issue", new() { ["project"] = Backend, ["issue_iid"] = 1 });
        await CallOkAsync(env.Client, "list_project_labels", new() { ["project"] = Backend });

        Assert.Equal(1, env.GitLab.CountOf("GET", "/api/v4/projects/acme%2Fplatform%2Fbackend"));
    }

    [Fact]
    public async Task NoToken_ToolsListedCallsSayHowToConfigureAndHealthSaysNotConfigured()
    {
        await using var env = await GitLabHost.StartAsync(token: null);

        // The eleven tools that read: the writers are off by default.
        var tools = await env.Client.ListToolsAsync(cancellationToken: Token);
        var result = await env.Client.CallToolAsync("gitlab__list_merge_requests", new Dictionary<string, object?> { ["project"] = Backend }, cancellationToken: Token);
        using var health = await env.Host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Token));

        Assert.Equal(11, tools.Count);
        Assert.True(result.IsError);
        string expected = $"GitLab is not configured: the environment variable GITLAB_TOKEN (gitlab.token_env) is not set. Create a GitLab access token (scope read_api to read; api to post comments and create issues) for {env.GitLab.Url.ToString().TrimEnd('/')}, export it as GITLAB_TOKEN and restart Tributary.";
        Assert.Equal(expected, Text(result));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var gitLab = body.RootElement.GetProperty("gitlab");
        Assert.Equal("not configured", gitLab.GetProperty("state").GetString());
        Assert.Equal(expected, gitLab.GetProperty("lastError").GetString());
        Assert.Empty(env.GitLab.Requests);
    }

    [Fact]
    public async Task Health_ConfiguredAndProbed_SaysConfiguredThenConnectedWithTheUser()
    {
        await using var env = await GitLabHost.StartAsync();

        using var plain = JsonDocument.Parse(await env.Host.Http.GetStringAsync(new Uri("/health", UriKind.Relative), Token));
        using var probed = JsonDocument.Parse(await env.Host.Http.GetStringAsync(new Uri("/health?probe=true", UriKind.Relative), Token));

        Assert.Equal("configured", plain.RootElement.GetProperty("gitlab").GetProperty("state").GetString());
        var gitLab = probed.RootElement.GetProperty("gitlab");
        Assert.Equal("connected", gitLab.GetProperty("state").GetString());
        Assert.Equal("tributary-bot", gitLab.GetProperty("user").GetString());
        Assert.Equal(JsonValueKind.Number, gitLab.GetProperty("latencyMs").ValueKind);
        Assert.Equal(["GET /api/v4/user"], env.GitLab.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Health_ReportAndProbeAlternating_EachAnswersWhatItsQueryAsked()
    {
        await using var env = await GitLabHost.StartAsync();
        var states = new List<string>();

        for (int i = 0; i < 40; i++)
        {
            string path = i % 2 == 0 ? "/health" : "/health?probe=true";
            using var response = await env.Host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            states.Add($"{(int)response.StatusCode} {body.RootElement.GetProperty("gitlab").GetProperty("state").GetString()}");
        }

        Assert.Equal(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "200 configured" : "200 connected"), states);
        // Probes within HealthProbe.ReuseFor share one GitLab call.
        Assert.Equal(1, env.GitLab.Requests.Count(r => r.Path == "/api/v4/user"));
    }

    [Fact]
    public async Task Health_ProbeWithRejectedToken_DegradedWithTheReason()
    {
        await using var env = await GitLabHost.StartAsync(token: "glpat-revoked");

        using var response = await env.Host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        var gitLab = body.RootElement.GetProperty("gitlab");
        Assert.Equal("failed", gitLab.GetProperty("state").GetString());
        Assert.StartsWith("GitLab (http://127.0.0.1:", gitLab.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("rejected the token in GITLAB_TOKEN (401 Unauthorized)", gitLab.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }
}
