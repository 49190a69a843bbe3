using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Tributary.Server.Health;

/// <summary>Ready once the host has started; upstreams are not consulted, since they connect lazily.</summary>
internal sealed class ReadinessHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "ready";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("not started, or stopping"));
}
