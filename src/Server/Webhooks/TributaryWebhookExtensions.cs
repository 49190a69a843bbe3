using Tributary.Agents.Chat;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Server.Health;

namespace Tributary.Server.Webhooks;

/// <summary>Wires <c>POST /webhooks/gitlab</c>, its queue, its workers and its part of <c>/health</c>.</summary>
internal static class TributaryWebhookExtensions
{
    /// <summary>
    /// Adds the webhook's settings (from <see cref="WebhookOptions.SecretVariable"/> and the other <c>TRIBUTARY_WEBHOOK_*</c>
    /// variables, checked at start-up), the queue and its workers, the delivery ledger and merge request locks (in Redis
    /// when the cache has one), the <c>/health</c> entry, and the handler that reviews and answers (<see cref="AgentWebhookWorkHandler"/>;
    /// added with TryAdd, so tests can put theirs first).
    /// </summary>
    public static IServiceCollection AddTributaryWebhooks(this IServiceCollection services, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        services.AddOptions<WebhookOptions>().Configure(options => options.Read(readVariable)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.TryAddSingleton<IWebhookWorkHandler, AgentWebhookWorkHandler>();
        services.AddSingleton(provider => new GitLabWebhookParser(new NoteMention(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.MentionName)));
        services.AddSingleton<WebhookTelemetry>();
        services.AddSingleton<WebhookRedis>();
        services.AddSingleton<WebhookWorkQueue>();
        services.AddSingleton<MemoryDeliveryLedger>();
        services.AddSingleton<IDeliveryLedger>(provider => provider.GetRequiredService<WebhookRedis>().IsConfigured
            ? ActivatorUtilities.CreateInstance<RedisDeliveryLedger>(provider)
            : provider.GetRequiredService<MemoryDeliveryLedger>());
        services.AddSingleton<IMergeRequestLocks>(provider => provider.GetRequiredService<WebhookRedis>().IsConfigured
            ? ActivatorUtilities.CreateInstance<RedisMergeRequestLocks>(provider)
            : new LocalMergeRequestLocks());
        services.AddHostedService<WebhookWorkers>();
        services.AddHealthChecks().AddCheck<WebhookHealthCheck>(
            WebhookHealthCheck.Name, failureStatus: null, tags: [TributaryHealthExtensions.ReportTag, TributaryHealthExtensions.ProbeTag]);
        return services;
    }

    /// <summary>Maps <c>POST /webhooks/gitlab</c>.</summary>
    public static IEndpointRouteBuilder MapTributaryWebhooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGitLabWebhook();
    }
}
