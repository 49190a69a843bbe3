using System.Diagnostics;
using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>
/// Drives <c>echo</c> at every target with the same concurrency in interleaved rounds (round 1: A B C…, round 2: A B
/// C…), so drift of the shared machine affects all of them alike.
/// </summary>
internal static class EchoComparison
{
    private const int WarmUpBatch = 500;

    public static async Task<IReadOnlyList<TargetFigures>> RunAsync(
        IReadOnlyList<BenchTarget> targets, int concurrency, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var loads = new List<LeanLoad>();
        try
        {
            foreach (var target in targets)
            {
                loads.Add(await LeanLoad.ConnectAsync(target, concurrency, cancellationToken));
            }

            for (var i = 0; i < targets.Count; i++)
            {
                await WarmUpAsync(targets[i], loads[i], concurrency, options.WarmUpBatches, cancellationToken);
            }

            var runs = targets.Select(_ => new List<LoadRun>()).ToArray();
            var gatewayCpu = new TimeSpan[targets.Count];
            var childrenCpu = new TimeSpan[targets.Count];
            var generatorCpu = new TimeSpan[targets.Count];
            // Bytes the gateway allocated in its measured runs: null for targets without a monitor, and once a sample
            // is missing (unknown rather than short).
            var allocated = targets.Select(t => t.Allocations is null ? null : (long?)0).ToArray();
            var perRound = Math.Max(1, options.Calls / options.Rounds);
            for (var round = 0; round < options.Rounds; round++)
            {
                for (var i = 0; i < targets.Count; i++)
                {
                    var pid = targets[i].Pid;
                    var monitor = targets[i].Allocations;

                    // Waits (idle, outside the CPU window) for a counter sample taken before the run starts.
                    var allocatedBefore = monitor is null || allocated[i] is null ? null : await monitor.AllocatedBytesAtAsync(DateTime.UtcNow, cancellationToken);
                    var gateway = ProcessStats.CpuTime(pid);
                    var children = ProcessStats.ChildrenCpuTime(pid);
                    var generator = Process.GetCurrentProcess().TotalProcessorTime;
                    runs[i].Add(await loads[i].RunAsync(perRound, cancellationToken));
                    generatorCpu[i] += Process.GetCurrentProcess().TotalProcessorTime - generator;
                    gatewayCpu[i] += ProcessStats.CpuTime(pid) - gateway;
                    childrenCpu[i] += ProcessStats.ChildrenCpuTime(pid) - children;
                    if (monitor is not null && allocated[i] is not null)
                    {
                        // The first sample stamped after the run's last answer.
                        allocated[i] += await monitor.AllocatedBytesAtAsync(DateTime.UtcNow, cancellationToken) - allocatedBefore;
                    }
                }
            }

            return [.. targets.Select((target, i) =>
            {
                var stats = LoadRun.Combine(runs[i]);
                return new TargetFigures(
                    target,
                    concurrency,
                    stats,
                    runs[i].Sum(r => r.Errors),
                    gatewayCpu[i].TotalMilliseconds / stats.Calls,
                    childrenCpu[i].TotalMilliseconds / stats.Calls,
                    generatorCpu[i].TotalMilliseconds / stats.Calls,
                    ProcessStats.Memory(target.Pid).RssMb,
                    ProcessStats.ChildrenRssMb(target.Pid),
                    allocated[i] / 1024.0 / stats.Calls);
            })];
        }
        finally
        {
            foreach (var load in loads)
            {
                load.Dispose();
            }
        }
    }

    // Calls in batches until a batch costs no less CPU per call than the one before it (within 5%): the first
    // thousand or so calls through a fresh process pay for its JIT, which is not what a call costs a running gateway.
    private static async Task WarmUpAsync(BenchTarget target, LeanLoad load, int concurrency, int maxBatches, CancellationToken cancellationToken)
    {
        var previous = double.MaxValue;
        for (var batch = 1; batch <= maxBatches; batch++)
        {
            var before = ProcessStats.CpuTime(target.Pid);
            await load.RunAsync(WarmUpBatch, cancellationToken);
            var perCall = (ProcessStats.CpuTime(target.Pid) - before).TotalMilliseconds / WarmUpBatch;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"  warm-up {target.Name} ({target.Upstream}) c={concurrency} batch {batch}: {perCall:0.000} ms CPU per call"));
            if (perCall >= previous * 0.95)
            {
                return;
            }

            previous = perCall;
        }
    }
}
