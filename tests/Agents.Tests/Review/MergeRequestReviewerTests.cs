using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Agents.Review;
using Tributary.Agents.Tests.Runs;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;
using D = Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Agents.Tests.Review;

public sealed class MergeRequestReviewerTests
{
    private const string Reviewer = """
        name: reviewer
        instructions: |
          You review {project_path}, {source_branch} into {target_branch}. Rules: {project_rules}
        gitlab_tools: read-write
        """;

    private static readonly Dictionary<string, JsonArray> s_findings = new()
    {
        [D.PricingPath] = new JsonArray(
            ReviewModelScript.Finding(D.PricingPath, D.PricingAddedNewLine, "major", "Discount can exceed the subtotal", suggestion: "    amount = max(subtotal(order) - best_discount(order, discounts), Decimal(\"0\"))"),
            ReviewModelScript.Finding(D.PricingPath, D.PricingRemovedOldLine, "minor", "Callers of total() break", side: "old"),
            ReviewModelScript.Finding(D.PricingPath, 12, "nit", "tax() recomputes the subtotal")),
        [D.DiscountsPath] = new JsonArray(
            ReviewModelScript.Finding(D.DiscountsPath, 13, "blocker", "Percent over 100 gives a negative total", endLine: 15)),
    };

    [Fact]
    public async Task Review_FirstRun_PostsPositionedThreadsAndOneSummary()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(s_findings));
        var progress = new List<string>();

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid), progress);

        Assert.Equal(ReviewOutcome.Posted, result.Outcome);
        Assert.Equal("posted 3 inline and 1 summary findings on !21 of acme/platform/backend and added the summary note", result.Message);
        Assert.Equal(
            [
                "fetching merge request !21 of acme/platform/backend",
                $"reviewing file 1 of 2: {D.PricingPath}",
                $"reviewing file 2 of 2: {D.DiscountsPath}",
                $"posting finding 1 of 3: {D.PricingPath}:22",
                $"posting finding 2 of 3: {D.PricingPath}:21 (old)",
                $"posting finding 3 of 3: {D.DiscountsPath}:13-15",
                "posting the summary note",
            ],
            progress);

        var discussions = harness.GitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid);
        var positions = discussions.Select(d => d["notes"]![0]!["position"]).Where(p => p is not null).Select(p => Lines(p!)).ToList();
        Assert.Equal([$"{D.PricingPath} new 22", $"{D.PricingPath} old 21", $"{D.DiscountsPath} new 15 range 13-15"], positions);
        Assert.All(discussions.Where(d => d["notes"]![0]!["position"] is not null), d => Assert.Equal(D.ReviewHeadSha, (string?)d["notes"]![0]!["position"]!["head_sha"]));
        string major = Body(discussions.First(d => Body(d).Contains("Discount can exceed", StringComparison.Ordinal)));
        Assert.StartsWith("**major**: Discount can exceed the subtotal\n\nBecause discount can exceed the subtotal.\n\n```suggestion:-0+0\n    amount = max(", major, StringComparison.Ordinal);

        var summary = Assert.Single(discussions, d => d["notes"]![0]!["position"] is null);
        string text = Body(summary);
        Assert.StartsWith("### Tributary review\n\n**Changes needed** · 1 blocker, 1 major, 1 minor, 1 nit\n\nReviewed `c7d1e5f9`: every change of this merge request (2 files).", text, StringComparison.Ordinal);
        Assert.Contains($"- **nit** `{D.PricingPath}:12`: tax() recomputes the subtotal _(line 12 (new) is not in the diff)_", text, StringComparison.Ordinal);
        Assert.Contains($"- `{D.DiscountsDocPath}`: skipped by skip_paths in .tributary.yml", text, StringComparison.Ordinal);
        Assert.EndsWith($"<!-- tributary:review head={D.ReviewHeadSha} -->", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_DataFromTheMergeRequest_ReachesTheModelOnlyAsDataAndNeverSkippedFiles()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(s_findings));

        await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));

        var requests = harness.Model.Requests;
        Assert.All(requests, r => Assert.DoesNotContain("feature/discounts", r.System, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.DoesNotContain("Add order discounts", r.System, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Contains("Rules: Money is Decimal.", r.System, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.DoesNotContain(r.Messages, m => m.Content.Contains("docs/discounts.md", StringComparison.Ordinal)));
        Assert.Contains(requests, r => r.Messages.Any(m => m.Role == "user" && m.Content.Contains("Branches: feature/discounts into main", StringComparison.Ordinal)));
        Assert.All(requests, r => Assert.DoesNotContain("gitlab-post_merge_request_comment", r.Tools));
        Assert.All(requests, r => Assert.DoesNotContain("gitlab-create_issue", r.Tools));
        Assert.All(requests, r => Assert.Contains(ReviewModelScript.SubmitFunction, r.Tools));
        Assert.Equal(1, harness.GitLab.CountOf("GET", $"/api/v4/projects/{D.BackendId}/merge_requests/{D.ReviewMergeRequestIid}"));
    }

    [Fact]
    public async Task Review_SecondRunWithoutNewCommits_PostsNothingAndAsksNoModel()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(s_findings));
        await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));
        int posts = harness.GitLab.Posts.Count, asked = harness.Model.Requests.Count;

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));

        Assert.Equal(ReviewOutcome.NothingNew, result.Outcome);
        Assert.Equal("nothing new to review: commit c7d1e5f9 of !21 of acme/platform/backend was reviewed already", result.Message);
        Assert.Equal(posts, harness.GitLab.Posts.Count);
        Assert.Equal(asked, harness.Model.Requests.Count);
    }

    [Fact]
    public async Task Review_NewCommit_ReviewsOnlyItsChangesAndUpdatesTheSummaryInPlace()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(s_findings));
        await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));
        const string newHead = "0123456789abcdef0123456789abcdef01234567";
        const string line14 = "    subtotal = sum((line.price * line.quantity for line in order.lines), Decimal(\"0\"))";
        string discountsV2 = D.ReviewDiffs()[1]["diff"]!.GetValue<string>().Replace(line14, line14 + "  # before tax", StringComparison.Ordinal);
        var since = D.DiffFile(D.DiscountsPath, $"@@ -14 +14 @@\n-{line14}\n+{line14}  # before tax\n");
        harness.GitLab.Data.PushCommit(D.BackendId, D.ReviewMergeRequestIid, newHead, [D.ReviewDiffs()[0], D.DiffFile(D.DiscountsPath, discountsV2, newFile: true), D.ReviewDiffs()[2]], [since]);
        int asked = harness.Model.Requests.Count;
        int discussionsBefore = harness.GitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Count;

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));

        Assert.Equal(ReviewOutcome.Posted, result.Outcome);
        Assert.Equal(D.ReviewHeadSha, result.SinceSha);
        Assert.Equal([D.DiscountsPath], harness.Model.Requests.Skip(asked).Where(r => r.Messages[^1].Role == "user").Select(ReviewModelScript.FileUnderReview));
        Assert.Equal(FindingPlacement.AlreadyPosted, Assert.Single(result.Findings).Placement);
        var discussions = harness.GitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid);
        Assert.Equal(discussionsBefore, discussions.Count);
        var summary = Assert.Single(discussions, d => ReviewMarkers.TryReadSummary(Body(d), out _));
        Assert.Contains($"Reviewed `01234567`: the changes since `c7d1e5f9`, reviewed before (1 file).", Body(summary), StringComparison.Ordinal);
        Assert.Contains("1 finding was raised on an earlier push and not posted again.", Body(summary), StringComparison.Ordinal);
        Assert.Single(harness.GitLab.Posts, p => p.Method == "PUT");
    }

    [Fact]
    public async Task Review_NewCommitRemovedLineFinding_GoesToTheSummaryNotOnTheBasesLineOfThatNumber()
    {
        var findings = new Dictionary<string, JsonArray> { [D.PricingPath] = new JsonArray(ReviewModelScript.Finding(D.PricingPath, 22, "minor", "Dropped the shipping term", side: "old")) };
        await using var harness = await StartAsync(ReviewModelScript.Submitting(findings));
        await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));
        var since = D.DiffFile(D.PricingPath, "@@ -22 +22 @@\n-    return amount + tax(order, rate) + shipping(order)\n+    return amount + tax(order, rate)\n");
        harness.GitLab.Data.PushCommit(D.BackendId, D.ReviewMergeRequestIid, "1111111111222222222233333333334444444444", D.ReviewDiffs(), [since]);

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid) { DryRun = true });

        var placed = Assert.Single(result.Findings);
        Assert.Equal(
            (FindingPlacement.Summary, "a line removed since the last review, which the merge request's diff does not show"),
            (placed.Placement, placed.Detail));
    }

    [Fact]
    public async Task Review_ForcePushDroppedTheReviewedCommit_ReviewsEverythingAndSaysSo()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(new Dictionary<string, JsonArray>()));
        await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));
        harness.GitLab.Data.ForcePush(D.BackendId, D.ReviewMergeRequestIid, "fedcba9876543210fedcba9876543210fedcba98", D.ReviewDiffs());

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid));

        Assert.Null(result.SinceSha);
        Assert.Equal(2, result.ReviewedFiles);
        Assert.Contains("The last reviewed commit `c7d1e5f9` is no longer part of this merge request (force-push or rebase), so everything was reviewed again.", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Draft_IsSkippedUnlessAsked()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(new Dictionary<string, JsonArray>()));

        var skipped = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.DraftMergeRequestIid));
        var reviewed = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.DraftMergeRequestIid) { IncludeDrafts = true, DryRun = true });

        Assert.Equal(ReviewOutcome.Skipped, skipped.Outcome);
        Assert.Equal("merge request !22 of acme/platform/backend is a draft: not reviewed until it is marked ready (or set review_drafts: true in .tributary.yml)", skipped.Message);
        Assert.Equal(ReviewOutcome.DryRun, reviewed.Outcome);
        Assert.Equal(1, reviewed.ReviewedFiles);
    }

    [Fact]
    public async Task Review_DryRun_PostsNothingAndSaysWhereEachFindingWouldGo()
    {
        await using var harness = await StartAsync(ReviewModelScript.Submitting(s_findings));

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid) { DryRun = true });

        Assert.Empty(harness.GitLab.Posts);
        Assert.Equal(
            ["Inline new_line 22", "Inline old_line 21", "Summary line 12 (new) is not in the diff", "Inline new_line 15, with line_range"],
            result.Findings.Select(f => $"{f.Placement} {f.Detail}"));
        Assert.StartsWith("### Tributary review", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ModelNamesAnotherProject_TheCallIsRefusedBeforeGitLab()
    {
        var script = FakeModelServer.Sequence(
            _ => FakeModelReply.Call("gitlab-get_file_content", $$"""{"project":"{{D.WebPath}}","file_path":"README.md","ref":"main"}"""),
            request => FakeModelReply.Call(ReviewModelScript.SubmitFunction, $$"""{"summary":"{{request.ToolResults[^1].Replace("\"", "'", StringComparison.Ordinal)}}","findings":[]}"""),
            _ => FakeModelReply.Answer("Submitted."),
            _ => FakeModelReply.Call(ReviewModelScript.SubmitFunction, """{"summary":"ok","findings":[]}"""),
            _ => FakeModelReply.Answer("Submitted."));
        await using var harness = await StartAsync(script);

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid) { DryRun = true });

        Assert.DoesNotContain(harness.GitLab.Requests, r => r.Path.Contains("acme%2Fweb", StringComparison.OrdinalIgnoreCase) || r.Path.Contains($"/{D.WebId}", StringComparison.Ordinal));
        Assert.Contains("Error: this run may only use project 'acme/platform/backend' (id 278964), the one of its merge request; 'acme/web' is another project, so the call was not made", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ModelAnswersWithoutSubmitting_IsAskedOnceMoreThenTheFileIsNamedAsNotReviewed()
    {
        await using var harness = await StartAsync(_ => FakeModelReply.Answer("Looks fine to me."));

        var result = await ReviewAsync(harness, new ReviewRequest(D.BackendPath, D.ReviewMergeRequestIid) { DryRun = true });

        Assert.Equal(0, result.ReviewedFiles);
        Assert.Contains(new SkippedFile(D.PricingPath, "the model answered without submitting a review"), result.Skipped);
        Assert.Equal(4, harness.Model.Requests.Count);
        Assert.Equal(ReviewPrompt.FollowUp, harness.Model.Requests[1].Messages[^1].Content);
    }

    private static async Task<RunHarness> StartAsync(Func<FakeModelRequest, FakeModelReply> script)
    {
        var harness = await RunHarness.StartAsync(script, ("reviewer.yml", Reviewer));
        harness.GitLab.Data.Files[D.BackendId][".tributary.yml"] = "skip_paths: [\"docs/**\"]\nreview_rules: Money is Decimal.\n";
        return harness;
    }

    private static Task<ReviewResult> ReviewAsync(RunHarness harness, ReviewRequest request, List<string>? progress = null) =>
        harness.Get<MergeRequestReviewer>().ReviewAsync(request, progress is null ? null : new ListProgress(progress), TestContext.Current.CancellationToken);

    private static string Body(JsonObject discussion) => (string)discussion["notes"]![0]!["body"]!;

    private static string Lines(JsonNode position)
    {
        string side = position["new_line"] is null ? "old" : "new";
        string line = (position["new_line"] ?? position["old_line"])!.ToJsonString();
        string range = position["line_range"] is { } r ? $" range {r["start"]!["new_line"]}-{r["end"]!["new_line"]}" : string.Empty;
        return $"{position["new_path"]} {side} {line}{range}";
    }

    private sealed class ListProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
