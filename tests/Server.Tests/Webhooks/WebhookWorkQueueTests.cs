using System.Net;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>Per merge request serialization, coalescing and the capacity, through the host.</summary>
public sealed class WebhookWorkQueueTests
{
    private const string MergeRequestHook = GitLabWebhookParser.MergeRequestHook;
    private const string NoteHook = GitLabWebhookParser.NoteHook;

    [Fact]
    public async Task Enqueue_PushesAndMentionsOnOneMergeRequest_OneAtATimeInOrderWithReviewsCoalesced()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true), options: options => options.Workers = 2);

        using var push1 = await Push("push-1");
        var running = await host.Handler.NextAsync();
        var push2 = await WebhookAnswer.ReadAsync(await Push("push-2"));
        using var mention = await host.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "mention-1");
        var push3 = await WebhookAnswer.ReadAsync(await Push("push-3"));

        // The second worker is free, yet nothing else of !7 starts while push-1 runs.
        Assert.Equal(HttpStatusCode.Accepted, push2.Status);
        Assert.Equal(HttpStatusCode.Accepted, push3.Status);
        Assert.Equal("""{"queued":true,"coalesced":true,"kind":"review","projectId":42,"project":"mygroup/my-project","mergeRequestIid":7,"delivery":"push-3"}""", push3.Body);
        Assert.Equal(2, host.Queue.Depth);
        Assert.False(host.Handler.HasUnseenCall);

        running.Release();
        var second = await host.Handler.NextAsync();
        Assert.False(host.Handler.HasUnseenCall);
        second.Release();
        var third = await host.Handler.NextAsync();
        third.Release();
        await third.Finished;

        Assert.Equal("push-2", second.Work.DeliveryId);
        Assert.IsType<MentionWork>(third.Work);
        Assert.Equal(3, host.Handler.Calls.Count);
        Assert.Equal(1, host.Handler.MaxConcurrentPerMergeRequest);
        Assert.Equal(0, host.Queue.Depth);

        Task<HttpResponseMessage> Push(string id) => host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, id);
    }

    [Fact]
    public async Task Enqueue_ManyMentionsWhileOneRuns_NoneDropped()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true));

        for (var note = 1; note <= 4; note++)
        {
            var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
            body["object_attributes"]!["id"] = note;
            using var response = await host.PostAsync(NoteHook, body.ToJsonString(), $"mention-{note}");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var notes = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var call = await host.Handler.NextAsync();
            notes.Add(((MentionWork)call.Work).NoteId);
            call.Release();
        }

        Assert.Equal([1L, 2L, 3L, 4L], notes);
    }

    [Fact]
    public async Task Enqueue_TwoMergeRequests_RunSideBySide()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true), options: options => options.Workers = 2);

        using var first = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "mr-1");
        using var second = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "mr-7");
        var a = await host.Handler.NextAsync();
        var b = await host.Handler.NextAsync();

        Assert.Equal(2, host.Queue.Running);
        Assert.Equal(["mr-1", "mr-7"], new[] { a.Work.DeliveryId, b.Work.DeliveryId }.Order());
        a.Release();
        b.Release();
    }

    [Fact]
    public async Task Enqueue_QueueFull_503WithRetryAfterAndTheResendIsTakenLater()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true), options: options => options.QueueCapacity = 1);

        using var running = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "mr-1");
        var call = await host.Handler.NextAsync();
        using var waiting = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "mr-7");
        var full = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "mention-1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Status);
        Assert.Equal("30", full.RetryAfter);
        Assert.Equal(("queue_full", "the webhook queue is full (1 items wait); send the delivery again later (see Retry-After), and raise TRIBUTARY_WEBHOOK_QUEUE_CAPACITY if this happens often"), full.Error);

        call.Release();
        (await host.Handler.NextAsync()).Release();
        using var resent = await host.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "mention-1");
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        var mention = await host.Handler.NextAsync();
        mention.Release();
        Assert.IsType<MentionWork>(mention.Work);
    }
}
