using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>The command line of the benchmark; every count has the figure as its default.</summary>
/// <param name="Calls">Measured <c>echo</c> calls per target and concurrency, spread over the rounds.</param>
/// <param name="Rounds">Interleaved rounds: each round runs every target once.</param>
/// <param name="WarmUpBatches">At most this many batches of 500 calls warm up each target before it is measured.</param>
/// <param name="SoakSessions">Sessions of the memory soak.</param>
/// <param name="SoakCalls">Calls per session of the memory soak.</param>
/// <param name="ToolsListOnly">Measure only the cached merged <c>tools/list</c> (<c>--only tools-list</c>), for working on it.</param>
internal sealed record BenchmarkOptions(int Calls, int Rounds, int WarmUpBatches, int SoakSessions, int SoakCalls, bool ToolsListOnly)
{
    public const string Usage =
        "dotnet run -c Release --project tests/Benchmarks [-- --calls 3000 --rounds 3 --warmup-batches 10 --soak-sessions 64 --soak-calls 10000 | --only tools-list]";

    public static BenchmarkOptions Parse(string[] args) => new(
        Read(args, "--calls", 3000),
        Read(args, "--rounds", 3),
        Read(args, "--warmup-batches", 10),
        Read(args, "--soak-sessions", 64),
        Read(args, "--soak-calls", 10_000),
        Only(args) switch
        {
            null => false,
            "tools-list" => true,
            var other => throw new ArgumentException($"--only {other}: the only part that runs alone is tools-list"),
        });

    private static string? Only(string[] args)
    {
        var index = Array.IndexOf(args, "--only");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Read(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
