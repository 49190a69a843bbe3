using Tributary.TestSupport.Network;

namespace Tributary.Benchmarks;

/// <summary>Time from process start to <c>/health/ready</c> with 50 configured servers that are never contacted.</summary>
internal static class ReadyBenchmark
{
    /// <summary>The median of three starts, in ms.</summary>
    public static async Task<double> RunAsync(CancellationToken cancellationToken)
    {
        var readyTimes = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await using var fifty = await TributaryProcess.StartAsync(Registry.ClosedPorts(50), FreePort.Next(), cancellationToken);
            readyTimes.Add(fifty.TimeToReady.TotalMilliseconds);
        }

        return readyTimes.Order().ElementAt(1);
    }
}
