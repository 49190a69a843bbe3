using System.Globalization;

namespace Tributary.Benchmarks;

/// <summary>
/// The memory soak: many sessions calling through Tributary for a long time, to show memory that grows per call or
/// per session. RSS is read once the first <see cref="BenchmarkOptions.SoakCalls"/> calls in all are done, and again
/// at the end.
/// </summary>
internal static class SoakRun
{
    public static async Task<SoakFigures> RunAsync(BenchTarget target, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var load = await LeanLoad.ConnectAsync(target, options.SoakSessions, cancellationToken);
        var total = (long)options.SoakSessions * options.SoakCalls;
        var first = await load.RunAsync(options.SoakCalls, cancellationToken);
        var rssAfterFirst = ProcessStats.Memory(target.Pid).RssMb;
        var errors = first.Errors;
        var done = (long)options.SoakCalls;
        while (done < total)
        {
            var batch = (int)Math.Min(options.SoakCalls, total - done);
            errors += (await load.RunAsync(batch, cancellationToken)).Errors;
            done += batch;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"  soak: {done} of {total} calls, {errors} errors, RSS {ProcessStats.Memory(target.Pid).RssMb:0.0} MB"));
        }

        return new SoakFigures(total, errors, rssAfterFirst, ProcessStats.Memory(target.Pid).RssMb);
    }
}
