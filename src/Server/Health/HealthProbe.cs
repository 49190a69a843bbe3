using Microsoft.AspNetCore.Http;

namespace Tributary.Server.Health;

/// <summary><c>/health?probe=true</c>: check every upstream now instead of reporting the last known state.</summary>
internal static class HealthProbe
{
    /// <summary>How long a probe's result answers further probes, so probing as often as one likes costs one round per window.</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(10);

    /// <summary>Whether the request asks for an active check.</summary>
    public static bool IsRequested(HttpContext httpContext) =>
        httpContext.Request.Query["probe"] is { Count: > 0 } values
        && bool.TryParse(values[0], out var probe) && probe;
}
