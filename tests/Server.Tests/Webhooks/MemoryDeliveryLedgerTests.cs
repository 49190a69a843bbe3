using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>Redeliveries through the host, with deliveries remembered in this process.</summary>
public sealed class MemoryDeliveryLedgerTests
{
    [Fact]
    public async Task Post_SameEventUuidTwice_SecondIs200DuplicateAndRunsNothing()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var first = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "same-event"));
        await host.Handler.NextAsync();
        var second = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "same-event"));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("""{"queued":false,"duplicate":true,"kind":"review","projectId":42,"project":"mygroup/my-project","mergeRequestIid":7,"delivery":"same-event"}""", second.Body);
        await AssertOnlyTheSentinelFollowsAsync(host);
    }

    [Fact]
    public async Task Post_SameNoteUnderANewEventUuid_DuplicateAndAnsweredOnce()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var first = await host.PostFixtureAsync(GitLabWebhookParser.NoteHook, GitLabWebhookFixtures.NoteMention, "event-a");
        await host.Handler.NextAsync();
        var second = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(GitLabWebhookParser.NoteHook, GitLabWebhookFixtures.NoteMention, "event-b"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("\"duplicate\":true", second.Body, StringComparison.Ordinal);
        await AssertOnlyTheSentinelFollowsAsync(host);
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyUnderANewEventUuid_Duplicate()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Text(GitLabWebhookFixtures.MergeRequestUpdateWithOldrev);

        using var firstRequest = WebhookFactory.Delivery(GitLabWebhookParser.MergeRequestHook, body, "event-a");
        firstRequest.Headers.Add("Idempotency-Key", "retry-key");
        using var secondRequest = WebhookFactory.Delivery(GitLabWebhookParser.MergeRequestHook, body, "event-b");
        secondRequest.Headers.Add("Idempotency-Key", "retry-key");
        using var first = await host.CreateClient().SendAsync(firstRequest, TestContext.Current.CancellationToken);
        await host.Handler.NextAsync();
        using var second = await host.CreateClient().SendAsync(secondRequest, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Post_NewEventUuidSameMergeRequest_NotADuplicate()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        using var first = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-1");
        await host.Handler.NextAsync();
        using var second = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-2");

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("push-2", (await host.Handler.NextAsync()).Work.DeliveryId);
    }

    [Fact]
    public async Task Post_SameEventAfter24Hours_DoneAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var host = new WebhookFactory(new RecordingWorkHandler(), time: time);

        using var first = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "old-event");
        await host.Handler.NextAsync();
        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using var withinTheDay = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "old-event");
        time.Advance(TimeSpan.FromSeconds(1));
        using var afterTheDay = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "old-event");

        Assert.Equal(HttpStatusCode.OK, withinTheDay.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, afterTheDay.StatusCode);
        Assert.Equal("old-event", (await host.Handler.NextAsync()).Work.DeliveryId);
    }

    [Fact]
    public async Task TryClaim_MoreKeysThanTheBound_OldestForgottenFirst()
    {
        var ledger = new MemoryDeliveryLedger(Microsoft.Extensions.Options.Options.Create(new WebhookOptions()), new FakeTimeProvider());

        for (var i = 0; i <= MemoryDeliveryLedger.MaxEntries; i++)
        {
            Assert.True(await ledger.TryClaimAsync([$"event:{i}"], CancellationToken.None));
        }

        Assert.True(await ledger.TryClaimAsync(["event:0"], CancellationToken.None));
        Assert.False(await ledger.TryClaimAsync([$"event:{MemoryDeliveryLedger.MaxEntries}"], CancellationToken.None));
    }

    private static async Task AssertOnlyTheSentinelFollowsAsync(WebhookFactory host)
    {
        var sentinel = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.MergeRequestUpdateWithOldrev);
        sentinel["project"]!["id"] = WebhookFactory.SentinelProjectId;
        using var response = await host.PostAsync(GitLabWebhookParser.MergeRequestHook, sentinel.ToJsonString(), "sentinel");
        Assert.Equal(WebhookFactory.SentinelProjectId, (await host.Handler.NextAsync()).Work.ProjectId);
        Assert.Equal(2, host.Handler.Calls.Count);
    }
}
