using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Server.Health;

/// <summary>Wires <c>/health</c> (upstreams), <c>/health/live</c> (the process) and <c>/health/ready</c> (the host started).</summary>
internal static class TributaryHealthExtensions
{
    private const string UpstreamsTag = "upstreams";
    private const string ReadyTag = "ready";

    /// <summary>Adds the upstream, GitLab and readiness checks.</summary>
    public static IServiceCollection AddTributaryHealth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddHealthChecks()
            .AddCheck<UpstreamHealthCheck>(UpstreamHealthCheck.Name, tags: [UpstreamsTag])
            .AddCheck<GitLabHealthCheck>(GitLabHealthCheck.Name, tags: [UpstreamsTag])
            .AddCheck<ReadinessHealthCheck>(ReadinessHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    /// <summary>Maps the three health endpoints; healthy and degraded answer 200, unhealthy 503 (ASP.NET's defaults).</summary>
    public static IEndpointRouteBuilder MapTributaryHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(UpstreamsTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });

        // Liveness runs no check: answering at all is the proof.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
