using System.Text.Json;
using Tributary.Agents.GitLab;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Agents.Tests.GitLab;

public sealed class GitLabToolsetTests
{
    [Fact]
    public async Task Tools_AreTheThirteenInOrder_WithOnlyTheTwoWritersNotReadOnly()
    {
        await using var harness = await GitLabHarness.StartAsync();

        var tools = harness.Toolset.Tools;

        Assert.Equal(
            ["list_merge_requests", "get_merge_request", "get_merge_request_diff", "post_merge_request_comment", "list_issues", "get_issue", "create_issue",
             "get_file_content", "get_repository_tree", "search_code", "get_pipeline_status", "get_failed_pipeline_logs", "list_project_labels"],
            tools.Select(t => t.Name));
        Assert.Equal(["post_merge_request_comment", "create_issue"], tools.Where(t => !t.ReadOnly).Select(t => t.Name));
        Assert.All(tools, t => Assert.Equal(t.Name, t.Function.Name));
    }

    [Fact]
    public async Task ListMergeRequestsSchema_NamesEachArgumentWithDescriptionTypeAndDefault()
    {
        await using var harness = await GitLabHarness.StartAsync();

        var schema = harness.Toolset.Find("list_merge_requests")!.Function.JsonSchema;

        Assert.Equal(["project"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var properties = schema.GetProperty("properties");
        Assert.Equal(["project", "state", "max_results"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("string", properties.GetProperty("project").GetProperty("type").GetString());
        Assert.StartsWith("The GitLab project: its numeric id", properties.GetProperty("project").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("opened", properties.GetProperty("state").GetProperty("default").GetString());
        Assert.Equal("integer", properties.GetProperty("max_results").GetProperty("type").GetString());
        Assert.Equal(20, properties.GetProperty("max_results").GetProperty("default").GetInt32());
        Assert.Equal(1, properties.GetProperty("max_results").GetProperty("minimum").GetInt32());
        Assert.Equal(100, properties.GetProperty("max_results").GetProperty("maximum").GetInt32());
        Assert.Equal(["opened", "closed", "merged", "locked", "all"], properties.GetProperty("state").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("Lists a project's merge requests", harness.Toolset.Find("list_merge_requests")!.Function.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMergeRequest_FixtureMergeRequest_GivesCompactFields()
    {
        await using var harness = await GitLabHarness.StartAsync();

        string text = await harness.CallAsync("get_merge_request", ("project", FakeGitLabData.BackendPath), ("mr_iid", FakeGitLabData.FixtureMergeRequestIid));

        var mr = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Add deletion support for designs", mr.GetProperty("title").GetString());
        Assert.Equal("alexkalderimis", mr.GetProperty("author").GetString());
        Assert.Equal(["tkuah"], mr.GetProperty("reviewers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("8e0b45049b6253b8984cde9241830d2851168142", mr.GetProperty("diff_refs").GetProperty("head_sha").GetString());
        Assert.False(mr.TryGetProperty("time_stats", out _));
    }

    [Fact]
    public async Task GetMergeRequest_NumbersAsJsonStrings_AreAccepted()
    {
        await using var harness = await GitLabHarness.StartAsync();

        // Some kernels' connectors pass every argument as a string; the typed tools still bind them.
        string text = await harness.CallAsync("get_merge_request", ("project", "278964"), ("mr_iid", JsonDocument.Parse("\"14656\"").RootElement));

        Assert.Contains("\"iid\":14656", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMergeRequest_UnknownIid_SaysWhichMergeRequestOfWhichProject()
    {
        await using var harness = await GitLabHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.CallAsync("get_merge_request", ("project", FakeGitLabData.BackendPath), ("mr_iid", 999)));

        Assert.Equal("Merge request !999 of project 'acme/platform/backend' was not found on GitLab (404 Not Found); check the project (a numeric id or its full path, group/subgroup/project) and the number, and that the token's user can see it.", error.Message);
    }

    [Fact]
    public async Task ListMergeRequests_State_IsCheckedBeforeAnyRequest()
    {
        await using var harness = await GitLabHarness.StartAsync();

        var error = await Assert.ThrowsAsync<GitLabException>(() => harness.CallAsync("list_merge_requests", ("project", "acme/web"), ("state", "open")));

        Assert.Equal("state must be one of opened, closed, merged, locked, all, but is 'open'.", error.Message);
        Assert.Empty(harness.GitLab.Requests);
    }

    [Fact]
    public async Task GetMergeRequestDiff_AcrossPages_ReportsCollapsedAndTooLargeFiles()
    {
        await using var harness = await GitLabHarness.StartAsync();

        string text = await harness.CallAsync("get_merge_request_diff", ("project", FakeGitLabData.BackendPath), ("mr_iid", FakeGitLabData.BigMergeRequestIid));

        Assert.StartsWith("Merge request !7 of acme/platform/backend: 130 changed files\n", text, StringComparison.Ordinal);
        Assert.Contains("\n--- src/orders/module_050.py (modified)\n[diff not shown: GitLab collapsed this file's diff (it is large); read the file with get_file_content]\n", text, StringComparison.Ordinal);
        Assert.Contains("\n--- src/orders/module_120.py (modified)\n[diff not shown: GitLab reports this file as too large to diff; read the file with get_file_content]\n", text, StringComparison.Ordinal);
        Assert.Contains("+    return validate(order)", text, StringComparison.Ordinal);
        Assert.Contains("--- src/orders/module_130.py (modified)", text, StringComparison.Ordinal);
        Assert.Equal(2, harness.GitLab.Requests.Count(r => r.Path.EndsWith("/merge_requests/7/diffs", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PostMergeRequestComment_PostsTheBodyAndAnswersTheNote()
    {
        await using var harness = await GitLabHarness.StartAsync();

        string text = await harness.CallAsync("post_merge_request_comment", ("project", FakeGitLabData.BackendPath), ("mr_iid", FakeGitLabData.FixtureMergeRequestIid), ("body", "Looks good **overall**."));

        var post = Assert.Single(harness.GitLab.Posts);
        Assert.Equal("/api/v4/projects/278964/merge_requests/14656/notes", post.Path);
        Assert.Equal("Looks good **overall**.", post.Body.GetProperty("body").GetString());
        Assert.Equal("""{"id":3001,"created_at":"2026-11-23T12:00:00.000Z","posted_on":"acme/platform/backend!14656","author":"tributary-bot"}""", text);
    }
}
