using System.Diagnostics;
using ModelContextProtocol.Client;
using Tributary.TestSupport.Network;

namespace Tributary.Benchmarks;

/// <summary>A cached merged <c>tools/list</c> over 20 upstreams (all the same server-everything, each under its prefix).</summary>
internal static class ToolListBenchmark
{
    /// <summary>
    /// Returns the p50 of one HTTP exchange, request to last byte, Tributary's CPU per exchange, and the p50 through the
    /// C# SDK client.
    /// </summary>
    public static async Task<(double ExchangeP50Ms, double CpuPerExchangeMs, double ClientP50Ms, int Tools, int Bytes)> RunAsync(Uri upstream, CancellationToken cancellationToken)
    {
        await using var twenty = await TributaryProcess.StartAsync(Registry.Many(upstream, 20), FreePort.Next(), cancellationToken);
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = twenty.McpUrl, TransportMode = HttpTransportMode.StreamableHttp }),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: cancellationToken);
        var first = await client.ListToolsAsync(cancellationToken: cancellationToken);
        var clientLatencies = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await client.ListToolsAsync(cancellationToken: cancellationToken);
            clientLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // One HTTP exchange, request to the last byte: what serving the listing costs, without a client's parsing of
        // it (the C# client's takes longer than the exchange for a listing of hundreds of tools).
        using var raw = await RawMcpSession.StartAsync(twenty.McpUrl, cancellationToken);
        var exchangeLatencies = new List<double>();
        var bytes = 0;
        var cpuBefore = TimeSpan.Zero;
        for (var i = 0; i < 1100; i++)
        {
            if (i == 100)
            {
                cpuBefore = ProcessStats.CpuTime(twenty.Pid);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await raw.SendAsync("tools/list", null, cancellationToken);
            bytes = (await response.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
            if (i >= 100)
            {
                exchangeLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var cpuPerExchange = (ProcessStats.CpuTime(twenty.Pid) - cpuBefore).TotalMilliseconds / exchangeLatencies.Count;
        return (LatencyStats.From(exchangeLatencies, TimeSpan.Zero).P50Ms, cpuPerExchange, LatencyStats.From(clientLatencies, TimeSpan.Zero).P50Ms, first.Count, bytes);
    }
}
