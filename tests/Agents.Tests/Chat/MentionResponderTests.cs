using System.Text.Json.Nodes;
using Tributary.Agents.Chat;
using Tributary.Agents.Tests.Runs;
using Tributary.TestSupport.FakeModel;
using D = Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Agents.Tests.Chat;

public sealed class MentionResponderTests
{
    private const string Chat = "name: chat\ninstructions: You answer questions about {project_path}.\ngitlab_tools: read-write\n";

    [Fact]
    public async Task Answer_DeveloperAsksInAThread_RepliesInThatThreadWithTheThreadAsData()
    {
        await using var harness = await StartAsync(request => FakeModelReply.Answer($"It rounds half up. @all ({request.Messages.Count(m => m.Role == "user")} question)"));
        var thread = harness.GitLab.Data.AddDiscussion(D.BackendId, D.ReviewMergeRequestIid, D.MayaId, "Why Decimal here?");
        var question = harness.GitLab.Data.AddReply(D.BackendId, D.ReviewMergeRequestIid, (string)thread["id"]!, D.BobId, "@tributary how does total() round?");

        var result = await AnswerAsync(harness, Mention(question, (string)thread["id"]!, D.BobId));

        Assert.Equal(MentionOutcome.Answered, result.Outcome);
        var notes = Notes(harness, (string)thread["id"]!);
        Assert.Equal(3, notes.Count);
        Assert.Equal(D.BotUserId, (long)notes[2]["author"]!["id"]!);
        Assert.Equal($"It rounds half up. @\u200Ball (1 question)\n\n{MentionResponder.AnswerMarker((long)question["id"]!)}", (string)notes[2]["body"]!);
        var asked = Assert.Single(harness.Model.Requests);
        Assert.Equal("You answer questions about acme/platform/backend.", asked.System);
        string user = asked.Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("--- maya:\nWhy Decimal here?\n--- bob:\n@tributary how does total() round?", user, StringComparison.Ordinal);
        Assert.Contains("The question (note ", user, StringComparison.Ordinal);
        Assert.Matches(@"\):\nhow does total\(\) round\?\n</data-[0-9a-f]{12}>$", user);
        Assert.DoesNotContain("gitlab-post_merge_request_comment", asked.Tools);
    }

    [Fact]
    public async Task Answer_TopLevelNote_StartsAThreadUnderIt()
    {
        await using var harness = await StartAsync(_ => FakeModelReply.Answer("Yes."));
        var note = harness.GitLab.Data.AddNote(D.BackendId, D.ReviewMergeRequestIid, D.MayaId, "@tributary is this ready?");
        string discussion = DiscussionOf(harness, (long)note["id"]!);

        await AnswerAsync(harness, Mention(note, discussion, D.MayaId));

        var thread = harness.GitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Single(d => (string)d["id"]! == discussion);
        Assert.False((bool)thread["individual_note"]!);
        Assert.Equal(2, thread["notes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(D.BotUserId, "@tributary loop?", "the note is Tributary's own")]
    [InlineData(D.RenovateBotId, "@tributary loop?", "the note is by a bot user (renovate-bot)")]
    [InlineData(D.GinaId, "@tributary loop?", "gina has access level 10 in the project; asking needs Developer (30) or more")]
    [InlineData(D.BobId, "> @tributary loop?\n\nSame question here", "the note does not address @tributary outside quotes and code")]
    public async Task Answer_NoteNotToAnswer_IsIgnoredAndNothingIsPosted(long author, string text, string reason)
    {
        await using var harness = await StartAsync(_ => FakeModelReply.Answer("Should not be asked."));
        var note = harness.GitLab.Data.AddNote(D.BackendId, D.ReviewMergeRequestIid, author, text);
        int posts = harness.GitLab.Posts.Count;

        var result = await AnswerAsync(harness, Mention(note, DiscussionOf(harness, (long)note["id"]!), author));

        Assert.Equal(new MentionResult(MentionOutcome.Ignored, reason), result);
        Assert.Equal(posts, harness.GitLab.Posts.Count);
        Assert.Empty(harness.Model.Requests);
    }

    [Fact]
    public async Task Answer_SameNoteTwice_AnswersOnce()
    {
        await using var harness = await StartAsync(_ => FakeModelReply.Answer("Once."));
        var note = harness.GitLab.Data.AddNote(D.BackendId, D.ReviewMergeRequestIid, D.BobId, "@tributary twice?");
        var mention = Mention(note, DiscussionOf(harness, (long)note["id"]!), D.BobId);

        var first = await AnswerAsync(harness, mention);
        var second = await AnswerAsync(harness, mention);

        Assert.Equal(MentionOutcome.Answered, first.Outcome);
        Assert.Equal(new MentionResult(MentionOutcome.Ignored, "the note was answered already"), second);
        Assert.Single(harness.Model.Requests);
    }

    private static async Task<RunHarness> StartAsync(Func<FakeModelRequest, FakeModelReply> script) =>
        await RunHarness.StartAsync(script, ("chat.yml", Chat));

    private static Task<MentionResult> AnswerAsync(RunHarness harness, MentionRequest request) =>
        harness.Get<MentionResponder>().AnswerAsync(request, TestContext.Current.CancellationToken);

    private static MentionRequest Mention(JsonObject note, string discussion, long author) =>
        new(D.BackendId, D.ReviewMergeRequestIid, (long)note["id"]!, discussion, (string)note["body"]!, author);

    private static string DiscussionOf(RunHarness harness, long noteId) =>
        (string)harness.GitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Single(d => d["notes"]!.AsArray().Any(n => (long)n!["id"]! == noteId))["id"]!;

    private static List<JsonNode> Notes(RunHarness harness, string discussion) =>
        [.. harness.GitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Single(d => (string)d["id"]! == discussion)["notes"]!.AsArray().Select(n => n!)];
}
