using System.Net.Http.Headers;
using System.Text.Json;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

public sealed class WebhookHealthCheckTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_SecretNotSet_WebhooksOffWithTheVariableToSet()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(), secret: null);

        var webhooks = await WebhooksAsync(host);

        Assert.Equal("""{"state":"off","reason":"TRIBUTARY_WEBHOOK_SECRET is not set; set it to turn POST /webhooks/gitlab on"}""", webhooks);
    }

    [Fact]
    public async Task Health_SecretSetWorkWaiting_OnWithQueueDepth()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true));
        using var running = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "push-1");
        var call = await host.Handler.NextAsync();
        using var waiting = await host.PostFixtureAsync(GitLabWebhookParser.NoteHook, GitLabWebhookFixtures.NoteMention, "mention-1");

        var webhooks = await WebhooksAsync(host);
        var probed = await WebhooksAsync(host, "/health?probe=true");
        call.Release();

        Assert.Equal("""{"state":"on","queueDepth":1,"running":1,"capacity":100,"workers":1,"store":"memory"}""", webhooks);
        Assert.Equal(webhooks, probed);
    }

    [Fact]
    public async Task HealthPage_SecretNotSet_ShowsWhyTheWebhookIsOff()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(), secret: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var response = await host.CreateClient().SendAsync(request, Token);
        var page = await response.Content.ReadAsStringAsync(Token);

        Assert.Contains("<h2>GitLab webhook</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"description\">TRIBUTARY_WEBHOOK_SECRET is not set; set it to turn POST /webhooks/gitlab on</div>", page, StringComparison.Ordinal);
    }

    private static async Task<string> WebhooksAsync(WebhookFactory host, string path = "/health")
    {
        using var response = await host.CreateClient().GetAsync(new Uri(path, UriKind.Relative), Token);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return JsonSerializer.Serialize(json.RootElement.GetProperty("webhooks"));
    }
}
