using System.Globalization;

namespace Tributary.Server.Health;

/// <summary>How <c>/health</c> writes instants: UTC with milliseconds, the same in JSON and on the page.</summary>
internal static class HealthTimes
{
    /// <summary><c>2026-11-23T22:30:01.125Z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>The latency in milliseconds, rounded to a tenth.</summary>
    public static double Milliseconds(TimeSpan latency) => Math.Round(latency.TotalMilliseconds, 1);
}
