using System.Net;
using System.Text.Json.Nodes;
using Tributary.TestSupport.FakeGitLab;
using static Tributary.Agents.Tests.GitLab.FakeGitLabHttp;
using static Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>Positioned diff threads on the fake: accepted exactly where GitLab accepts them, refused with GitLab's message elsewhere.</summary>
public sealed class FakeGitLabDiscussionTests
{
    // SHA-1 of "src/orders/pricing.py", computed outside the fake: line codes are <that>_<old>_<new>.
    private const string PricingHash = "def0c6097c4f86f72d40c04eab67abcfb5d4f141";

    private const string InvalidPosition = """{"message":"400 Bad request - Note {:line_code=>[\"can't be blank\", \"must be a valid line code\"]}"}""";

    [Theory]
    [InlineData(null, PricingAddedNewLine)]
    [InlineData(PricingRemovedOldLine, null)]
    [InlineData(PricingContextOldLine, PricingContextNewLine)]
    [InlineData(null, 3)]
    public async Task CreateDiscussion_OnAnAddedRemovedOrContextLine_Is201AndListedWithItsPosition(int? oldLine, int? newLine)
    {
        await using var gitLab = await StartAsync();

        var created = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "Tax ignores the discount.", ["position"] = Position(oldLine, newLine) });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Matches("^[0-9a-f]{40}$", (string?)created.Object["id"]);
        Assert.False((bool)created.Object["individual_note"]!);
        var note = created.Object["notes"]!.AsArray().Single()!;
        Assert.Equal(["DiffNote", "Tax ignores the discount.", "tributary-bot", "MergeRequest"], new[] { note["type"], note["body"], note["author"]!["username"], note["noteable_type"] }.Select(n => (string?)n));
        Assert.Equal([true, false, false], new[] { note["resolvable"], note["resolved"], note["system"] }.Select(n => (bool)n!));
        string expectedPosition = $$"""{"base_sha":"{{MainHeadSha}}","start_sha":"{{MainHeadSha}}","head_sha":"{{ReviewHeadSha}}","old_path":"{{PricingPath}}","new_path":"{{PricingPath}}","position_type":"text","old_line":{{Number(oldLine)}},"new_line":{{Number(newLine)}},"line_range":null,"ignore_whitespace_change":false}""";
        AssertJson(expectedPosition, note["position"]);
        var listed = (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/discussions")).Array.Single()!;
        AssertJson(created.Json!.ToJsonString(), listed);
        Assert.Equal(1, gitLab.GitLab.CountOf("POST", $"/api/v4/{FakeGitLabHttp.ReviewPath}/discussions"));
    }

    [Theory]
    [InlineData("added line named by old_line", PricingAddedNewLine, null)]
    [InlineData("removed line (old 20) named by new_line", null, 20)]
    [InlineData("context line named by new_line alone", null, PricingContextNewLine)]
    [InlineData("context line named by old_line alone", PricingContextOldLine, null)]
    [InlineData("context line with mismatched numbers", PricingContextOldLine, PricingContextOldLine)]
    [InlineData("unchanged line outside the hunks", 10, 11)]
    [InlineData("line past the end", null, 99)]
    [InlineData("no line at all", null, null)]
    public async Task CreateDiscussion_LineNotInTheDiffAsNamed_IsGitLabsLineCode400(string why, int? oldLine, int? newLine)
    {
        await using var gitLab = await StartAsync();

        var refused = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = why, ["position"] = Position(oldLine, newLine) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        AssertJson(InvalidPosition, refused.Json);
        Assert.Empty(gitLab.Data.Discussions(BackendId, ReviewMergeRequestIid));
    }

    [Theory]
    [InlineData("head_sha", ReviewFirstCommitSha)]
    [InlineData("base_sha", ReviewHeadSha)]
    [InlineData("start_sha", "ffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("new_path", "src/orders/nope.py")]
    [InlineData("old_path", "src/orders/total.py")]
    [InlineData("position_type", "image")]
    public async Task CreateDiscussion_WrongShaPathOrType_IsGitLabsLineCode400(string field, string value)
    {
        await using var gitLab = await StartAsync();
        var position = Position(null, PricingAddedNewLine);
        position[field] = value;

        var refused = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "x", ["position"] = position });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        AssertJson(InvalidPosition, refused.Json);
    }

    [Fact]
    public async Task CreateDiscussion_OnThePreviousVersionAfterAPush_IsGitLabsLineCode400()
    {
        await using var gitLab = await StartAsync();
        gitLab.Data.PushCommit(BackendId, ReviewMergeRequestIid, "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", ReviewDiffs(), []);

        var stale = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "x", ["position"] = Position(null, PricingAddedNewLine) });
        var position = Position(null, PricingAddedNewLine);
        position["head_sha"] = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
        var fresh = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "x", ["position"] = position });

        AssertJson(InvalidPosition, stale.Json);
        Assert.Equal(HttpStatusCode.Created, fresh.Status);
    }

    [Fact]
    public async Task CreateDiscussion_PositionWithoutHeadSha_IsGrapesMissingParameter()
    {
        await using var gitLab = await StartAsync();
        var position = Position(null, PricingAddedNewLine);
        position.Remove("head_sha");

        var refused = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "x", ["position"] = position });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        AssertJson("""{"error":"position[head_sha] is missing"}""", refused.Json);
    }

    [Fact]
    public async Task CreateDiscussion_LineRangeFromAContextToAnAddedLine_IsStoredWithBothEnds()
    {
        await using var gitLab = await StartAsync();
        var position = Position(null, PricingAddedNewLine);
        position["line_range"] = Range($"{PricingHash}_17_18", "new", $"{PricingHash}_22_22", "new");

        var created = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "These lines", ["position"] = position });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        AssertJson($$$"""{"start":{"line_code":"{{{PricingHash}}}_17_18","type":"new","old_line":17,"new_line":18},"end":{"line_code":"{{{PricingHash}}}_22_22","type":"new","old_line":null,"new_line":22}}""",
            gitLab.Data.Discussions(BackendId, ReviewMergeRequestIid).Single()["notes"]![0]!["position"]!["line_range"]);
    }

    [Theory]
    [InlineData("_21_21", "old", "_22_22", "new", HttpStatusCode.Created)]
    [InlineData("_17_17", "new", "_22_22", "new", HttpStatusCode.BadRequest)]
    [InlineData("_17_18", "new", "_20_20", "old", HttpStatusCode.BadRequest)]
    [InlineData("_21_21", "new", "_22_22", "new", HttpStatusCode.BadRequest)]
    [InlineData("_17_18", "new", "_10_11", "new", HttpStatusCode.BadRequest)]
    public async Task CreateDiscussion_LineRangeEnds_MustBeLinesOfTheFilesDiff(string start, string startType, string end, string endType, HttpStatusCode status)
    {
        await using var gitLab = await StartAsync();
        var position = Position(null, PricingAddedNewLine);
        position["line_range"] = Range(PricingHash + start, startType, PricingHash + end, endType);

        var answer = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions", new JsonObject { ["body"] = "x", ["position"] = position });

        Assert.Equal(status, answer.Status);
        if (status == HttpStatusCode.BadRequest)
        {
            AssertJson(InvalidPosition, answer.Json);
        }
    }

    [Fact]
    public async Task Reply_InADiffThread_IsADiffNoteOnTheSamePosition()
    {
        await using var gitLab = await StartAsync();
        var thread = gitLab.Data.AddDiscussion(BackendId, ReviewMergeRequestIid, BobId, "@tributary why is tax computed before the discount?", Position(null, PricingAddedNewLine));

        var reply = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions/{thread["id"]}/notes", new JsonObject { ["body"] = "Because `tax()` uses the subtotal." });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal("DiffNote", (string?)reply.Object["type"]);
        AssertJson(thread["notes"]![0]!["position"]!.ToJsonString(), reply.Object["position"]);
        var stored = gitLab.Data.Discussions(BackendId, ReviewMergeRequestIid).Single();
        Assert.Equal(["bob", "tributary-bot"], stored["notes"]!.AsArray().Select(n => (string?)n!["author"]!["username"]));
    }

    private static JsonObject Position(int? oldLine, int? newLine) => new()
    {
        ["base_sha"] = MainHeadSha,
        ["start_sha"] = MainHeadSha,
        ["head_sha"] = ReviewHeadSha,
        ["position_type"] = "text",
        ["old_path"] = PricingPath,
        ["new_path"] = PricingPath,
        ["old_line"] = oldLine,
        ["new_line"] = newLine,
    };

    private static JsonObject Range(string startCode, string startType, string endCode, string endType) => new()
    {
        ["start"] = new JsonObject { ["line_code"] = startCode, ["type"] = startType },
        ["end"] = new JsonObject { ["line_code"] = endCode, ["type"] = endType },
    };

    private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
}
