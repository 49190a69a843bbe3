using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Security;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;
using Tributary.TestSupport.Logging;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>
/// The whole host in-process (as <see cref="Host.TributaryFactory"/>) with the webhook secret set, one worker unless
/// told otherwise, <paramref name="handler"/> instead of the default handler, and its logs collected.
/// </summary>
internal sealed class WebhookFactory(
    RecordingWorkHandler handler,
    string? secret = WebhookFactory.Secret,
    Action<WebhookOptions>? options = null,
    TimeProvider? time = null,
    string? redis = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string Secret = "webhook-secret-for-tests-7f3a9c";

    /// <summary>The project id of <see cref="SentinelAsync"/>'s merge request, which no fixture uses.</summary>
    public const long SentinelProjectId = 999_999;

    // No Redis unless asked for, whatever REDIS_URL says on this machine.
    private readonly TempRegistry _registry = TempRegistry.Write($"mcp_servers:\ncache:\n  redis: {(redis is null ? "\"\"" : redis)}\n");

    public RecordingWorkHandler Handler { get; } = handler;

    public WaitableLogs Logs { get; } = new();

    public WebhookWorkQueue Queue => Services.GetRequiredService<WebhookWorkQueue>();

    /// <summary>Sends <paramref name="body"/> as a <paramref name="eventName"/> delivery with the right token.</summary>
    public Task<HttpResponseMessage> PostAsync(string? eventName, string body, string? eventUuid = null, string? token = Secret) =>
        CreateClient().SendAsync(Delivery(eventName, body, eventUuid, token), TestContext.Current.CancellationToken);

    /// <summary>Sends the fixture <paramref name="fixture"/> as a <paramref name="eventName"/> delivery.</summary>
    public Task<HttpResponseMessage> PostFixtureAsync(string eventName, string fixture, string? eventUuid = null) =>
        PostAsync(eventName, GitLabWebhookFixtures.Text(fixture), eventUuid);

    /// <summary>
    /// Proves nothing was queued before: with one worker, a review of an unused merge request is run after anything
    /// queued earlier, so it must be the first call the handler sees.
    /// </summary>
    public async Task SentinelAsync()
    {
        var sentinel = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.MergeRequestUpdateWithOldrev);
        sentinel["project"]!["id"] = SentinelProjectId;
        using var response = await PostAsync(GitLabWebhookParser.MergeRequestHook, sentinel.ToJsonString(), $"sentinel-{Guid.NewGuid()}");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var call = await Handler.NextAsync();
        call.Release();
        Assert.Equal(SentinelProjectId, call.Work.ProjectId);
        Assert.Single(Handler.Calls);
    }

    public static HttpRequestMessage Delivery(string? eventName, string body, string? eventUuid = null, string? token = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/gitlab", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", token);
        }

        if (eventName is not null)
        {
            request.Headers.Add("X-Gitlab-Event", eventName);
        }

        if (eventUuid is not null)
        {
            request.Headers.Add("X-Gitlab-Event-UUID", eventUuid);
        }

        return request;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _registry.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("config", _registry.Path);
        builder.ConfigureLogging(logging =>
        {
            TestLogging.ConfigureHost(logging);
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Debug);
        });
        builder.ConfigureTestServices(collection =>
        {
            collection.Configure<WebhookOptions>(configured =>
            {
                configured.Secret = secret;
                configured.Workers = 1;
                options?.Invoke(configured);
            });
            collection.Replace(ServiceDescriptor.Singleton<IWebhookWorkHandler>(Handler));
            if (time is not null)
            {
                collection.Replace(ServiceDescriptor.Singleton(time));
            }

            services?.Invoke(collection);
        });
    }
}
