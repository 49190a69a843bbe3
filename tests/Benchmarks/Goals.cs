namespace Tributary.Benchmarks;

/// <summary>The goals of issue 17 that the echo comparison measures, as rows of the <see cref="GoalTable"/>.</summary>
internal static class Goals
{
    public const string TributaryName = "Tributary";
    public const string HttpUpstream = "HTTP";
    public const string StdioUpstream = "stdio child";

    public static void AddEcho(GoalTable table, IReadOnlyList<TargetFigures> c1, IReadOnlyList<TargetFigures> c16)
    {
        var httpC16 = Find(c16, TributaryName, HttpUpstream);
        var directC16 = c16.Single(f => f.Target.IsDirect);
        var ratio = httpC16.Stats.CallsPerSecond / directC16.Stats.CallsPerSecond;
        table.Add("c=16 Tributary (HTTP upstream) / direct", "≥ 0.9×", $"{ratio:0.00}×", ratio >= 0.9);

        var stdioC16 = Find(c16, TributaryName, StdioUpstream);
        var proxyC16 = Find(c16, "mcp-proxy", StdioUpstream);
        var overProxy = stdioC16.Stats.CallsPerSecond / proxyC16.Stats.CallsPerSecond;
        table.Add("c=16 Tributary / mcp-proxy, both fronting a stdio child", "≥ 1.5×", $"{overProxy:0.00}×", overProxy >= 1.5);

        foreach (var peer in new[] { (Name: "supergateway", Upstream: StdioUpstream), (Name: "mcp-hub", Upstream: HttpUpstream) })
        {
            foreach (var figures in new[] { c1, c16 })
            {
                var other = figures.SingleOrDefault(f => f.Target.Name == peer.Name && f.Target.Upstream == peer.Upstream);
                foreach (var upstream in new[] { HttpUpstream, StdioUpstream })
                {
                    var tributary = Find(figures, TributaryName, upstream);
                    var figure = $"c={tributary.Concurrency} Tributary ({upstream}) / {peer.Name} ({peer.Upstream})";
                    if (other is null)
                    {
                        table.Add(figure, "> 1× (ahead)", $"not measured ({peer.Name} did not start)", null);
                        continue;
                    }

                    var ahead = tributary.Stats.CallsPerSecond / other.Stats.CallsPerSecond;
                    table.Add(figure, "> 1× (ahead)", $"{ahead:0.00}×", ahead > 1);
                }
            }
        }

        foreach (var (figures, goal) in new[] { (c16, 0.2), (c1, 0.3) })
        {
            foreach (var upstream in new[] { HttpUpstream, StdioUpstream })
            {
                var tributary = Find(figures, TributaryName, upstream);
                table.Add(
                    $"Tributary CPU per call, c={tributary.Concurrency}, {upstream} upstream",
                    $"≤ {goal} ms",
                    $"{tributary.GatewayCpuMs:0.000} ms",
                    tributary.GatewayCpuMs <= goal);
            }
        }

        foreach (var figures in new[] { c16, c1 })
        {
            foreach (var upstream in new[] { HttpUpstream, StdioUpstream })
            {
                var tributary = Find(figures, TributaryName, upstream);
                var figure = $"Tributary allocations per call, {upstream} upstream c={tributary.Concurrency}";
                if (tributary.AllocatedKbPerCall is { } kb)
                {
                    table.Add(figure, "a few KB (≤ 4 KB)", $"{kb:0.0} KB", kb <= 4);
                }
                else
                {
                    table.Add(figure, "a few KB (≤ 4 KB)", "not measured (no counter sample from the process)", null);
                }
            }
        }

        var directC1 = c1.Single(f => f.Target.IsDirect);
        foreach (var upstream in new[] { HttpUpstream, StdioUpstream })
        {
            var added = Find(c1, TributaryName, upstream).Stats.P50Ms - directC1.Stats.P50Ms;
            table.Add($"c=1 p50 added latency over direct, Tributary ({upstream})", "≤ 0.3 ms", $"{added:0.000} ms", added <= 0.3);
        }

        var generator = c1.Concat(c16).Max(f => f.GeneratorCpuMs);
        table.Add("load generator CPU per call (highest of any target)", "small next to the targets'", $"{generator:0.000} ms", null);
        var errors = c1.Concat(c16).Sum(f => f.Errors);
        table.Add("failed calls in the comparison", "0", $"{errors}", errors == 0);
    }

    private static TargetFigures Find(IReadOnlyList<TargetFigures> figures, string name, string upstream) =>
        figures.Single(f => f.Target.Name == name && f.Target.Upstream == upstream);
}
