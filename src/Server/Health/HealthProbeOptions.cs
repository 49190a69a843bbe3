namespace Tributary.Server.Health;

/// <summary>How long a <c>/health?probe=true</c> result answers further probes (<see cref="CoalescedProbe{T}"/>).</summary>
/// <param name="ReuseFor">The window; <see cref="TimeSpan.Zero"/> still shares a round among concurrent probes but reuses nothing after it.</param>
internal sealed record HealthProbeOptions(TimeSpan ReuseFor)
{
    /// <summary>The shipped window, <see cref="HealthProbe.ReuseFor"/>.</summary>
    public static HealthProbeOptions Default { get; } = new(HealthProbe.ReuseFor);
}
