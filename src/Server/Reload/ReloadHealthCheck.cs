using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tributary.Server.Reload;

/// <summary>
/// The reload's part of <c>/health</c>: degraded while the last reload failed (the last good configuration serves, but
/// the files say something else), healthy otherwise.
/// </summary>
internal sealed class ReloadHealthCheck(ConfigReloader reloader) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "reload";

    /// <summary>The key of the <see cref="ReloadStatus"/> in the result's data.</summary>
    public const string StatusKey = "reload";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = reloader.Status;
        var data = new Dictionary<string, object> { [StatusKey] = status };
        return Task.FromResult(status.State == ReloadStatus.Failed
            ? HealthCheckResult.Degraded($"the last configuration reload failed with {status.Errors.Count} errors", data: data)
            : HealthCheckResult.Healthy($"configuration {status.State}", data));
    }
}
