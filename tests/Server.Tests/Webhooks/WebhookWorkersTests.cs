using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

public sealed class WebhookWorkersTests
{
    [Fact]
    public async Task Run_HandlerThrows_LoggedWithProjectAndMergeRequestAndTheWorkerGoesOn()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true));

        using var failing = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "boom");
        var call = await host.Handler.NextAsync();
        call.Fail(new InvalidOperationException("model unreachable"));
        await call.Finished;
        using var next = await host.PostFixtureAsync(GitLabWebhookParser.NoteHook, GitLabWebhookFixtures.NoteMention, "after");
        var after = await host.Handler.NextAsync();
        after.Release();

        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        Assert.IsType<MentionWork>(after.Work);
        var error = await host.Logs.WaitForAsync(7010);
        Assert.Equal("review of merge request !7 of mygroup/my-project (project 42) failed, delivery boom", error.Message);
    }
}
