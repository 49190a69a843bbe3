using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Webhooks;

/// <summary>The webhook's part of <c>/health</c>: off (and why) or on with its queue; it never lowers the overall status.</summary>
internal sealed class WebhookHealthCheck(IOptions<WebhookOptions> options, WebhookWorkQueue queue, WebhookRedis redis) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "webhooks";

    /// <summary>The key of the <see cref="WebhookHealth"/> in the result's data.</summary>
    public const string HealthKey = "webhooks";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var store = redis.IsConfigured ? "redis" : "memory";
        var health = settings.Enabled
            ? new WebhookHealth("on", null, queue.Depth, queue.Running, settings.QueueCapacity, settings.Workers, store)
            : new WebhookHealth("off", WebhookMessages.OffReason, 0, 0, settings.QueueCapacity, settings.Workers, store);
        return Task.FromResult(HealthCheckResult.Healthy($"GitLab webhook {health.State}", new Dictionary<string, object> { [HealthKey] = health }));
    }
}
