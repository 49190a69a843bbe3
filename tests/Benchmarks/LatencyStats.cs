using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>Latencies and throughput of one load run.</summary>
internal sealed record LatencyStats(int Calls, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    public static LatencyStats From(IReadOnlyList<double> latenciesMs, TimeSpan elapsed)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencyStats(sorted.Length, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{CallsPerSecond,8:0} calls/s  p50 {P50Ms,7:0.000} ms  p99 {P99Ms,7:0.000} ms  ({Calls} calls)");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
