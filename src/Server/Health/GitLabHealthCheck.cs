using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Health;

/// <summary>
/// GitLab's part of <c>/health</c>: not configured (no token; the tools still list and say how to set it) or
/// configured; registered with <paramref name="probe"/> (for <c>?probe=true</c>), <c>GET /api/v4/user</c> checks that the token works
/// (one call shared by concurrent and recent probes, <see cref="CoalescedProbe{T}"/>). Only a failed probe
/// lowers the overall status (to degraded): upstream MCP servers work without GitLab.
/// </summary>
internal sealed class GitLabHealthCheck(GitLabClient client, CoalescedProbe<GitLabHealth> rounds, TimeProvider time, bool probe) : IHealthCheck
{
    /// <summary>The check's registration name.</summary>
    public const string Name = "gitlab";

    /// <summary>The key of the <see cref="GitLabHealth"/> in the result's data.</summary>
    public const string HealthKey = "gitlab";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!client.IsConfigured)
        {
            return Result(HealthStatus.Healthy, new GitLabHealth("not configured", client.Url, null, client.ConfigurationProblem, null));
        }

        if (!probe)
        {
            return Result(HealthStatus.Healthy, new GitLabHealth("configured", client.Url, null, null, null));
        }

        var health = await rounds.RunAsync(ProbeAsync, cancellationToken);
        return Result(health.State == "failed" ? HealthStatus.Degraded : HealthStatus.Healthy, health);
    }

    private async Task<GitLabHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        long start = time.GetTimestamp();
        try
        {
            string user = await client.GetCurrentUserAsync(cancellationToken);
            return new GitLabHealth("connected", client.Url, user, null, time.GetElapsedTime(start));
        }
        catch (GitLabException e)
        {
            return new GitLabHealth("failed", client.Url, null, e.Message, null);
        }
    }

    private static HealthCheckResult Result(HealthStatus status, GitLabHealth health) =>
        new(status, $"GitLab {health.State}", data: new Dictionary<string, object> { [HealthKey] = health });
}
