using System.Net;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;
using Tributary.TestSupport.Redis;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>Two replicas (two hosts) sharing one real redis-server: deliveries done once, one item per merge request at a time.</summary>
public sealed class RedisMergeRequestLocksTests
{
    private const string MergeRequestHook = GitLabWebhookParser.MergeRequestHook;
    private const string NoteHook = GitLabWebhookParser.NoteHook;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_SameDeliveryToBothReplicas_RunsOnce()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        var handler = new RecordingWorkHandler();
        await using var a = Replica(handler, redis);
        await using var b = Replica(handler, redis);

        var first = await WebhookAnswer.ReadAsync(await a.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "shared-event"));
        var second = await WebhookAnswer.ReadAsync(await b.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "shared-event"));
        var noteOnA = await WebhookAnswer.ReadAsync(await a.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "note-event-a"));
        var noteOnB = await WebhookAnswer.ReadAsync(await b.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "note-event-b"));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("\"duplicate\":true", second.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, noteOnA.Status);
        Assert.Equal(HttpStatusCode.OK, noteOnB.Status);
        Assert.Equal("shared-event", (await handler.NextAsync()).Work.DeliveryId);
        Assert.IsType<MentionWork>((await handler.NextAsync()).Work);
        Assert.Equal(0, b.Queue.Depth + b.Queue.Running);
    }

    [Fact]
    public async Task Post_PushesToOneMergeRequestOnBothReplicas_NeverOverlapAndOneMoreReviewRuns()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        var handler = new RecordingWorkHandler(hold: true);
        await using var a = Replica(handler, redis);
        await using var b = Replica(handler, redis);

        using var push1 = await a.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-1");
        var first = await handler.NextAsync();

        // B is asked for a review while A reviews: B leaves it to A, and a mention on B waits for A.
        using var push2 = await b.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-2");
        var handedOver = await b.Logs.WaitForAsync(7014);
        first.Release();
        var second = await handler.NextAsync();
        using var mention = await b.PostFixtureAsync(NoteHook, GitLabWebhookFixtures.NoteMention, "mention-1");
        await b.Logs.WaitForAsync(7015);
        Assert.False(handler.HasUnseenCall);
        second.Release();
        var third = await handler.NextAsync();
        third.Release();
        await third.Finished;

        Assert.Equal(HttpStatusCode.Accepted, push2.StatusCode);
        Assert.Equal("Another replica works on merge request !7 of mygroup/my-project (project 42): it will review once more when done, delivery push-2", handedOver.Message);
        Assert.Equal(new ReviewWork(42, "mygroup/my-project", 7, "push-2"), second.Work);
        Assert.IsType<MentionWork>(third.Work);
        Assert.Equal(3, handler.Calls.Count);
        Assert.Equal(2, handler.Calls.Count(call => call.Work is ReviewWork));
        Assert.Equal(1, handler.MaxConcurrentPerMergeRequest);
    }

    [Fact]
    public async Task Health_RedisConfigured_StoreIsRedis()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        await using var a = Replica(new RecordingWorkHandler(), redis);

        using var response = await a.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), Token);

        Assert.Contains("\"store\": \"redis\"", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RedisUnreachable_WorkStillDoneAndDeduplicatedInProcess()
    {
        var deadPort = Tributary.TestSupport.Network.FreePort.Next();
        var handler = new RecordingWorkHandler();
        await using var host = new WebhookFactory(handler, redis: $"127.0.0.1:{deadPort},connectTimeout=200,syncTimeout=200,asyncTimeout=200");

        using var first = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "e-1");
        var call = await handler.NextAsync();
        using var again = await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "e-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("e-1", call.Work.DeliveryId);
        Assert.Contains(host.Logs.Entries, entry => entry.EventId.Id == 7016);
    }

    private static WebhookFactory Replica(RecordingWorkHandler handler, RedisServer redis) =>
        new(handler, redis: redis.Configuration, options: options => options.LockRetryInterval = TimeSpan.FromMilliseconds(20));
}
