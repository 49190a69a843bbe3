using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Tributary.Server.Health;

/// <summary>
/// Ready once the host has started and until it starts stopping (through <c>host.drain</c>, while it still serves);
/// upstreams are not consulted, since they connect lazily.
/// </summary>
internal sealed class ReadinessHealthCheck(IHostApplicationLifetime lifetime, ShutdownDrain drain) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "ready";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            drain.Stopping || lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("stopping")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("not started"));
}
