using System.Net;
using System.Text.Json.Nodes;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>Which GitLab deliveries become which work, through the real host.</summary>
public sealed class GitLabWebhookParserTests
{
    private const string MergeRequestHook = GitLabWebhookParser.MergeRequestHook;
    private const string NoteHook = GitLabWebhookParser.NoteHook;

    [Fact]
    public async Task Parse_MergeRequestOpened_ReviewOfThatMergeRequest()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var response = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "open-1");
        var call = await host.Handler.NextAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new ReviewWork(1, "gitlabhq/gitlab-test", 1, "open-1"), call.Work);
    }

    [Fact]
    public async Task Parse_MergeRequestReopened_Review()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = WithAction(GitLabWebhookFixtures.MergeRequestOpen, "reopen");

        using var response = await host.PostAsync(MergeRequestHook, body, "reopen-1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new ReviewWork(1, "gitlabhq/gitlab-test", 1, "reopen-1"), (await host.Handler.NextAsync()).Work);
    }

    [Fact]
    public async Task Parse_MergeRequestUpdatedWithNewCommits_Review()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-1"));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("""{"queued":true,"kind":"review","projectId":42,"project":"mygroup/my-project","mergeRequestIid":7,"delivery":"push-1"}""", answer.Body);
        Assert.Equal(new ReviewWork(42, "mygroup/my-project", 7, "push-1"), (await host.Handler.NextAsync()).Work);
    }

    [Fact]
    public async Task Parse_MergeRequestUpdatedWithoutOldrev_204AndNothingQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.MergeRequestUpdateWithOldrev);
        body["object_attributes"]!.AsObject().Remove("oldrev");

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, body.ToJsonString(), "title-edit"));

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Empty(answer.Body);
        await host.SentinelAsync();
        Assert.Contains(host.Logs.Entries, entry => entry.EventId.Id == 7005
            && entry.Message == "Ignored Merge Request Hook delivery title-edit: an update without new commits (no 'oldrev': a title, description or label change)");
    }

    [Theory]
    [InlineData("close")]
    [InlineData("merge")]
    [InlineData("approved")]
    [InlineData("unapproved")]
    [InlineData("approval")]
    public async Task Parse_MergeRequestOtherAction_204AndNothingQueued(string action)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var response = await host.PostAsync(MergeRequestHook, WithAction(GitLabWebhookFixtures.MergeRequestOpen, action), "other-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Parse_NoteMentioningTributary_MentionWithNoteDiscussionAndAuthor()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "note-event-1"));
        var call = await host.Handler.NextAsync();

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("""{"queued":true,"kind":"mention","projectId":42,"project":"mygroup/my-project","mergeRequestIid":7,"delivery":"note-event-1"}""", answer.Body);
        Assert.Equal(
            new MentionWork(42, "mygroup/my-project", 7, "note-event-1", 500, "abcdef1234567890abcdef1234567890abcdef12", "@tributary review this MR please", 3, "bob"),
            call.Work);
    }

    [Theory]
    [InlineData("Hey @Tributary, what does this change do?")]
    [InlineData("> earlier: is this safe?\n\n@tributary is it?")]
    [InlineData("Thanks.\n@TRIBUTARY.")]
    [InlineData("(@tributary) please look")]
    public async Task Parse_NoteMentioningTributaryInAnyCase_Mention(string note)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var response = await host.PostAsync(NoteHook, WithNote(note), "n-1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(note, Assert.IsType<MentionWork>((await host.Handler.NextAsync()).Work).Note);
    }

    [Theory]
    [InlineData("> @tributary said something\n\nI disagree.")]
    [InlineData(">>>\n@tributary wrote this\n>>>\nAnd I reply to it.")]
    [InlineData("```\n@tributary in code\n```")]
    [InlineData("ask @tributary-bot instead")]
    [InlineData("mail me@tributary.example")]
    [InlineData("@tributaryx is someone else")]
    [InlineData("no mention at all")]
    public async Task Parse_NoteWithoutARealMention_204AndNothingQueued(string note)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var response = await host.PostAsync(NoteHook, WithNote(note), "n-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Parse_NoteEdited_204BecauseOnlyNewNotesAreAnswered()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        body["object_attributes"]!["action"] = "update";

        using var response = await host.PostAsync(NoteHook, body.ToJsonString(), "n-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Parse_NoteCreatedActionGiven_Mention()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        body["object_attributes"]!["action"] = "create";

        using var response = await host.PostAsync(NoteHook, body.ToJsonString(), "n-1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.IsType<MentionWork>((await host.Handler.NextAsync()).Work);
    }

    [Fact]
    public async Task Parse_SystemNote_204()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        body["object_attributes"]!["system"] = true;

        using var response = await host.PostAsync(NoteHook, body.ToJsonString(), "n-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Parse_NoteByTributaryItself_204SoItNeverAnswersItself()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        body["user"]!["username"] = "tributary";

        using var response = await host.PostAsync(NoteHook, body.ToJsonString(), "n-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Theory]
    [InlineData(GitLabWebhookFixtures.NoteOnIssue)]
    [InlineData(GitLabWebhookFixtures.NoteOnMergeRequest)]
    public async Task Parse_NoteOnAnIssueOrWithoutMention_204AndNothingQueued(string fixture)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var response = await host.PostFixtureAsync(NoteHook, fixture, "n-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Parse_NoteOnAnIssueMentioningTributary_204()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteOnIssue);
        body["object_attributes"]!["note"] = "@tributary please";

        using var response = await host.PostAsync(NoteHook, body.ToJsonString(), "n-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    [Theory]
    [InlineData("Pipeline Hook", GitLabWebhookFixtures.Pipeline)]
    [InlineData("Push Hook", GitLabWebhookFixtures.MergeRequestOpen)]
    [InlineData("System Hook", GitLabWebhookFixtures.MergeRequestOpen)]
    public async Task Parse_OtherEvent_204AndNothingQueued(string eventName, string fixture)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var response = await host.PostFixtureAsync(eventName, fixture, "other-1");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await host.SentinelAsync();
    }

    private static string WithAction(string fixture, string action)
    {
        var body = GitLabWebhookFixtures.Json(fixture);
        body["object_attributes"]!["action"] = action;
        return body.ToJsonString();
    }

    private static string WithNote(string note)
    {
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        body["object_attributes"]!["note"] = JsonValue.Create(note);
        return body.ToJsonString();
    }
}
