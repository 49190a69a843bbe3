using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>What stopping the host does to the webhook: no new work, running work finishes or is cancelled at the timeout, nothing lost silently.</summary>
public sealed class WebhookShutdownTests
{
    [Fact]
    public async Task Stop_WorkRunningAndWaiting_RefusesNewWorkLetsTheRunningOneFinishAndReportsTheWaitingOne()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true));
        using var push = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-1");
        var running = await host.Handler.NextAsync();
        using var waiting = await host.PostFixtureAsync(GitLabWebhookParser.NoteHook, GitLabWebhookFixtures.NoteMention, "mention-1");

        var stopping = host.Services.GetRequiredService<IHost>().StopAsync(CancellationToken.None);
        var abandoned = await host.Logs.WaitForAsync(7012);
        var refused = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "late"));
        Assert.False(stopping.IsCompleted);
        running.Release();
        await stopping;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("30", refused.RetryAfter);
        Assert.Equal(("stopping", "Tributary is shutting down and takes no new work; send the delivery again once it is back (see Retry-After)"), refused.Error);
        Assert.False(await running.Finished);
        Assert.Equal(
            "Shutting down: abandoned mention of merge request !7 of mygroup/my-project (project 42) before it started, delivery mention-1; send the delivery again from GitLab's webhook page once Tributary is back",
            abandoned.Message);
        Assert.Single(host.Handler.Calls);
    }

    [Fact]
    public async Task Stop_WorkStillRunningAtTheShutdownTimeout_HandlerTokenCancelledAndReported()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true));
        using var push = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-1");
        var running = await host.Handler.NextAsync();
        using var shutdownTimeout = new CancellationTokenSource();

        var stopping = host.Services.GetRequiredService<IHost>().StopAsync(shutdownTimeout.Token);
        Assert.False(running.Token.IsCancellationRequested);
        await shutdownTimeout.CancelAsync();
        var cancelled = await running.Finished;
        var reported = await host.Logs.WaitForAsync(7011);
        await stopping;

        Assert.True(cancelled);
        Assert.Equal("Shutdown timeout: cancelled review of merge request !7 of mygroup/my-project (project 42) while it ran, delivery push-1", reported.Message);
    }
}
