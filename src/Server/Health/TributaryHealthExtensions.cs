using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Health;

/// <summary>Wires <c>/health</c> (upstreams), <c>/health/live</c> (the process) and <c>/health/ready</c> (the host started).</summary>
/// <remarks>
/// The upstream and GitLab checks are registered twice, reporting and probing, and <c>/health</c> picks the set
/// from the query on the request's own thread. The checks run in parallel, and an <c>HttpContext</c> is not safe to
/// read from two threads at once, so no check looks at the request.
/// </remarks>
internal static class TributaryHealthExtensions
{
    /// <summary>The tag of the checks <c>/health</c> runs without <c>?probe=true</c>.</summary>
    internal const string ReportTag = "upstreams";

    /// <summary>The tag of the checks <c>/health?probe=true</c> runs.</summary>
    internal const string ProbeTag = "probe";

    private const string ReadyTag = "ready";

    /// <summary>Adds the upstream, GitLab and readiness checks, and the pause of <paramref name="drain"/> on shutdown.</summary>
    public static IServiceCollection AddTributaryHealth(this IServiceCollection services, TimeSpan drain)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ShutdownDrain(drain, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ShutdownDrain>>()));
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());

        // The pause comes out of the host's shutdown time, which is there for calls in flight to finish.
        services.Configure<HostOptions>(host => host.ShutdownTimeout += drain);
        services.TryAddSingleton(HealthProbeOptions.Default);
        services.AddSingleton<CoalescedProbe<IReadOnlyList<ServerHealth>>>();
        services.AddSingleton<CoalescedProbe<GitLabHealth>>();
        services.AddHealthChecks()
            .AddTypeActivatedCheck<UpstreamHealthCheck>(UpstreamHealthCheck.Name, failureStatus: null, tags: [ReportTag], args: false)
            .AddTypeActivatedCheck<GitLabHealthCheck>(GitLabHealthCheck.Name, failureStatus: null, tags: [ReportTag], args: false)
            .AddTypeActivatedCheck<UpstreamHealthCheck>($"{UpstreamHealthCheck.Name}-probe", failureStatus: null, tags: [ProbeTag], args: true)
            .AddTypeActivatedCheck<GitLabHealthCheck>($"{GitLabHealthCheck.Name}-probe", failureStatus: null, tags: [ProbeTag], args: true)
            .AddCheck<ReadinessHealthCheck>(ReadinessHealthCheck.Name, tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Maps the three health endpoints; healthy and degraded answer 200, unhealthy 503 (ASP.NET's defaults). Details and
    /// probes of <c>/health</c> need the key when one is set (<see cref="HealthAccess"/>); live and ready are open.
    /// </summary>
    public static IEndpointRouteBuilder MapTributaryHealth(this IEndpointRouteBuilder endpoints)
    {
        var health = endpoints.CreateApplicationBuilder()
            .Use(HealthAccess.InvokeAsync)
            .UseWhen(HealthProbe.IsRequested, probe => probe.UseMiddleware<HealthCheckMiddleware>(Options.Create(Upstreams(ProbeTag))))
            .UseMiddleware<HealthCheckMiddleware>(Options.Create(Upstreams(ReportTag)))
            .Build();
        endpoints.Map("/health", health).WithDisplayName("Health checks");

        // Liveness runs no check: answering at all is the proof.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    private static HealthCheckOptions Upstreams(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = HealthResponseWriter.WriteAsync,
    };
}
