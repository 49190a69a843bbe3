namespace Tributary.Benchmarks;

/// <summary>What one <see cref="LeanLoad.RunAsync"/> measured.</summary>
internal sealed record LoadRun(double[] LatenciesMs, TimeSpan Elapsed, int Errors)
{
    public static LatencyStats Combine(IReadOnlyList<LoadRun> runs) =>
        LatencyStats.From([.. runs.SelectMany(r => r.LatenciesMs)], runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed));
}
