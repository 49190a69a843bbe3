using System.Net;
using System.Text.Json.Nodes;
using Tributary.TestSupport.FakeGitLab;
using static Tributary.Agents.Tests.GitLab.FakeGitLabHttp;
using static Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>The fake's merge request versions, commits, diffs and compares, through HTTP as a review bot reads them.</summary>
public sealed class FakeGitLabReviewTests
{
    private const string NewHead = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private static JsonObject[] NewDiffs => [DiffFile(DiscountsPath, "@@ -0,0 +1,1 @@\n+DISCOUNTS = []\n", newFile: true)];

    [Fact]
    public async Task Versions_ReviewMergeRequest_OneCollectedVersionThatTheMergeRequestsDiffRefsMatch()
    {
        await using var gitLab = await StartAsync();

        var versions = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/versions");
        var mergeRequest = await gitLab.GetAsync(FakeGitLabHttp.ReviewPath);

        Assert.Equal(HttpStatusCode.OK, versions.Status);
        AssertJson($$"""[{"id":1201,"head_commit_sha":"{{ReviewHeadSha}}","base_commit_sha":"{{MainHeadSha}}","start_commit_sha":"{{MainHeadSha}}","created_at":"2026-11-20T10:00:00.000Z","merge_request_id":700021,"state":"collected","real_size":"3"}]""", versions.Json);
        Assert.Equal("Add order discounts", (string?)mergeRequest.Object["title"]);
        Assert.False((bool)mergeRequest.Object["draft"]!);
        Assert.Equal(ReviewHeadSha, (string?)mergeRequest.Object["sha"]);
        AssertJson($$"""{"base_sha":"{{MainHeadSha}}","head_sha":"{{ReviewHeadSha}}","start_sha":"{{MainHeadSha}}"}""", mergeRequest.Object["diff_refs"]);
    }

    [Fact]
    public async Task GetMergeRequest_Draft_IsDraftWithItsOwnVersion()
    {
        await using var gitLab = await StartAsync();

        var draft = await gitLab.GetAsync("projects/acme%2Fplatform%2Fbackend/merge_requests/22");
        var versions = await gitLab.GetAsync("projects/278964/merge_requests/22/versions");

        Assert.True((bool)draft.Object["draft"]!);
        Assert.Equal("Draft: Export orders as CSV", (string?)draft.Object["title"]);
        Assert.Equal([DraftHeadSha], versions.Array.Select(v => (string?)v!["head_commit_sha"]));
    }

    [Fact]
    public async Task Commits_ReviewMergeRequest_NewestFirstPagedWithNextPage()
    {
        await using var gitLab = await StartAsync();

        var first = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/commits?per_page=1");
        var second = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/commits?per_page=1&page=2");

        Assert.Equal("2", first.NextPage);
        Assert.Equal(string.Empty, second.NextPage);
        var head = first.Array.Single()!.AsObject();
        Assert.Equal([ReviewHeadSha, ReviewHeadSha[..8], "Apply the best discount to order totals", "Apply the best discount to order totals\n", "Bob Builder", "2026-11-20T09:30:00.000Z"],
            new[] { "id", "short_id", "title", "message", "author_name", "created_at" }.Select(f => (string?)head[f]));
        Assert.Equal(ReviewFirstCommitSha, (string?)second.Array.Single()!["id"]);
    }

    [Fact]
    public async Task Diffs_ReviewMergeRequest_AModifiedFileANewFileAndADocsFile()
    {
        await using var gitLab = await StartAsync();

        var diffs = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/diffs");

        Assert.Equal([PricingPath, DiscountsPath, DiscountsDocPath], diffs.Array.Select(d => (string?)d!["new_path"]));
        Assert.Equal([false, true, true], diffs.Array.Select(d => (bool)d!["new_file"]!));
        Assert.StartsWith("@@ -1,5 +1,6 @@\n from decimal import Decimal\n \n+from orders.discounts import Discount, best_discount\n", (string?)diffs.Array[0]!["diff"], StringComparison.Ordinal);
        Assert.Contains("\n@@ -17,6 +18,6 @@ def shipping(order: Order) -> Decimal:\n", (string?)diffs.Array[0]!["diff"], StringComparison.Ordinal);
        AssertJson("""{"old_path":"docs/discounts.md","new_path":"docs/discounts.md","a_mode":"0","b_mode":"100644","new_file":true,"renamed_file":false,"deleted_file":false,"diff":"@@ -0,0 +1,4 @@\n+# Discounts\n+\n+Pass the customer's discount codes to `total()`; the best one applies.\n+A discount never makes a total negative.\n"}""", diffs.Array[2]);
    }

    [Fact]
    public async Task RawFile_AtTheHeadSha_HasTheDiffsLinesWhereTheDiffSays()
    {
        await using var gitLab = await StartAsync();

        var response = await gitLab.GetTextAsync($"projects/278964/repository/files/src%2Forders%2Fpricing.py/raw?ref={ReviewHeadSha}");

        string[] lines = response.Split('\n');
        Assert.Equal("    amount = subtotal(order) - best_discount(order, discounts)", lines[PricingAddedNewLine - 1]);
        Assert.Equal("    return Decimal(\"4.90\")", lines[PricingContextNewLine - 1]);
        Assert.Equal("from orders.discounts import Discount, best_discount", lines[2]);
    }

    [Fact]
    public async Task PushCommit_NewVersionOnTopCommitsDiffsAndCompareFromThePreviousHead()
    {
        await using var gitLab = await StartAsync();
        JsonObject[] since = [DiffFile(DiscountsPath, "@@ -15 +15 @@\n-    return 0\n+    return 1\n")];

        gitLab.Data.PushCommit(BackendId, ReviewMergeRequestIid, NewHead, NewDiffs, since);

        var versions = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/versions");
        Assert.Equal([1300L, ReviewVersionId], versions.Array.Select(v => (long)v!["id"]!));
        Assert.Equal([NewHead, ReviewHeadSha], versions.Array.Select(v => (string?)v!["head_commit_sha"]));
        Assert.Equal([MainHeadSha, MainHeadSha], versions.Array.Select(v => (string?)v!["base_commit_sha"]));
        Assert.Equal("1", (string?)versions.Array[0]!["real_size"]);
        Assert.Equal([NewHead, ReviewHeadSha, ReviewFirstCommitSha], (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/commits")).Array.Select(c => (string?)c!["id"]));
        AssertJson(new JsonArray([.. NewDiffs]).ToJsonString(), (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/diffs")).Json);
        var mergeRequest = (await gitLab.GetAsync(FakeGitLabHttp.ReviewPath)).Object;
        Assert.Equal(NewHead, (string?)mergeRequest["sha"]);
        AssertJson($$"""{"base_sha":"{{MainHeadSha}}","head_sha":"{{NewHead}}","start_sha":"{{MainHeadSha}}"}""", mergeRequest["diff_refs"]);

        var compare = await gitLab.GetAsync($"projects/278964/repository/compare?from={ReviewHeadSha}&to={NewHead}");
        Assert.Equal(HttpStatusCode.OK, compare.Status);
        Assert.Equal(NewHead, (string?)compare.Object["commit"]!["id"]);
        Assert.Equal([NewHead], compare.Object["commits"]!.AsArray().Select(c => (string?)c!["id"]));
        AssertJson(new JsonArray([.. since]).ToJsonString(), compare.Object["diffs"]);
        Assert.False((bool)compare.Object["compare_timeout"]!);
        Assert.False((bool)compare.Object["compare_same_ref"]!);
    }

    [Fact]
    public async Task ForcePush_PreviousCommitsLeaveTheMergeRequestAndCompareFromThemIs404()
    {
        await using var gitLab = await StartAsync();

        gitLab.Data.ForcePush(BackendId, ReviewMergeRequestIid, NewHead, NewDiffs);

        Assert.Equal([NewHead], (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/commits")).Array.Select(c => (string?)c!["id"]));
        Assert.Equal([NewHead, ReviewHeadSha], (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/versions")).Array.Select(v => (string?)v!["head_commit_sha"]));
        var gone = await gitLab.GetAsync($"projects/278964/repository/compare?from={ReviewHeadSha}&to={NewHead}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        AssertJson("""{"message":"404 Ref Not Found"}""", gone.Json);
        var fromBase = await gitLab.GetAsync($"projects/278964/repository/compare?from={MainHeadSha}&to={NewHead}");
        Assert.Equal([NewHead], fromBase.Object["commits"]!.AsArray().Select(c => (string?)c!["id"]));
        Assert.Empty(fromBase.Object["diffs"]!.AsArray());
    }

    [Fact]
    public async Task Compare_BaseToHead_OldestCommitFirstAndTheMergeRequestsDiffs()
    {
        await using var gitLab = await StartAsync();

        var compare = await gitLab.GetAsync($"projects/278964/repository/compare?from={MainHeadSha}&to={ReviewHeadSha}");

        Assert.Equal([ReviewFirstCommitSha, ReviewHeadSha], compare.Object["commits"]!.AsArray().Select(c => (string?)c!["id"]));
        Assert.Equal(ReviewHeadSha, (string?)compare.Object["commit"]!["id"]);
        Assert.Equal(3, compare.Object["diffs"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("from=0000000000000000000000000000000000000000&to=" + ReviewHeadSha, HttpStatusCode.NotFound, """{"message":"404 Ref Not Found"}""")]
    [InlineData("from=" + MainHeadSha + "&to=ffffffffffffffffffffffffffffffffffffffff", HttpStatusCode.NotFound, """{"message":"404 Ref Not Found"}""")]
    [InlineData("to=" + ReviewHeadSha, HttpStatusCode.BadRequest, """{"error":"from is missing"}""")]
    public async Task Compare_UnknownOrMissingCommit_IsGitLabsError(string query, HttpStatusCode status, string body)
    {
        await using var gitLab = await StartAsync();

        var compare = await gitLab.GetAsync($"projects/278964/repository/compare?{query}");

        Assert.Equal(status, compare.Status);
        AssertJson(body, compare.Json);
    }

    [Fact]
    public async Task PushCommit_ShaThatIsNotASha_Throws()
    {
        await using var gitLab = await StartAsync();

        var error = Assert.Throws<ArgumentException>(() => gitLab.Data.PushCommit(BackendId, ReviewMergeRequestIid, "abc123", NewDiffs, []));

        Assert.StartsWith("'abc123' is not a commit SHA (40 lower-case hex digits).", error.Message, StringComparison.Ordinal);
    }
}
