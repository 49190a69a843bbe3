namespace Tributary.Benchmarks;

/// <summary>Everything measured for one target at one concurrency, over all rounds.</summary>
/// <param name="Target">The target.</param>
/// <param name="Concurrency">Sessions calling at once.</param>
/// <param name="Stats">Throughput and latency.</param>
/// <param name="Errors">Calls that did not return a successful result.</param>
/// <param name="GatewayCpuMs">CPU per call of the target's own process (for direct: server-everything's).</param>
/// <param name="ChildrenCpuMs">CPU per call of its child processes (the stdio server-everything children).</param>
/// <param name="GeneratorCpuMs">CPU per call of this benchmark process while it drove the target.</param>
/// <param name="RssMb">Resident memory of the target's own process after its runs.</param>
/// <param name="ChildrenRssMb">Resident memory of its children after its runs.</param>
/// <param name="AllocatedKbPerCall">KB the gateway's process allocated per call (Tributary only; see <see cref="AllocationMonitor"/>).</param>
internal sealed record TargetFigures(
    BenchTarget Target,
    int Concurrency,
    LatencyStats Stats,
    int Errors,
    double GatewayCpuMs,
    double ChildrenCpuMs,
    double GeneratorCpuMs,
    double RssMb,
    double ChildrenRssMb,
    double? AllocatedKbPerCall);
