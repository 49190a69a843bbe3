using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>
/// Prints the figures of every target at one concurrency as a Markdown table, direct first. KB/call is what the
/// gateway's process allocated per call (Tributary only: read with <see cref="AllocationMonitor"/>).
/// </summary>
internal static class EchoTable
{
    public static void Print(IReadOnlyList<TargetFigures> figures)
    {
        var direct = figures.Single(f => f.Target.IsDirect);
        Console.WriteLine();
        Console.WriteLine(Invariant($"c={direct.Concurrency}, {direct.Stats.Calls} calls per target:"));
        Console.WriteLine("| target | upstream | calls/s | × direct | p50 ms | p99 ms | p50 added ms | gateway CPU ms/call | children CPU ms/call | generator CPU ms/call | KB/call | RSS MB (children) | errors |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var f in figures)
        {
            var added = f.Target.IsDirect ? "-" : Invariant($"{f.Stats.P50Ms - direct.Stats.P50Ms:0.000}");
            var allocated = f.AllocatedKbPerCall is { } kb ? Invariant($"{kb:0.0}") : "-";
            var gateway = f.Target.IsDirect ? Invariant($"({f.GatewayCpuMs:0.000} upstream)") : Invariant($"{f.GatewayCpuMs:0.000}");
            Console.WriteLine(Invariant(
                $"| {f.Target.Name} | {f.Target.Upstream} | {f.Stats.CallsPerSecond:0} | {f.Stats.CallsPerSecond / direct.Stats.CallsPerSecond:0.00} | {f.Stats.P50Ms:0.000} | {f.Stats.P99Ms:0.000} | {added} | {gateway} | {f.ChildrenCpuMs:0.000} | {f.GeneratorCpuMs:0.000} | {allocated} | {f.RssMb:0} ({f.ChildrenRssMb:0}) | {f.Errors} |"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
