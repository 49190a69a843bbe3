using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;
using Tributary.Benchmarks;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

// Measures Tributary against its targets; prints figures and ratios, asserts nothing.
//   dotnet run -c Release --project tests/Benchmarks [-- --calls 3000 --rounds 3]
var calls = ReadOption(args, "--calls", 3000);
var rounds = ReadOption(args, "--rounds", 3);
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(15));
var token = stop.Token;

await using var upstream = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp, cancellationToken: token);
Console.WriteLine($"upstream: server-everything (streamable HTTP) at {upstream.Url}");

await using (var tributary = await TributaryProcess.StartAsync(Registry.Single(upstream.Url), FreePort.Next(), token))
{
    var idle = ProcessStats.Memory(tributary.Pid);
    Console.WriteLine(Invariant($"tributary: ready in {tributary.TimeToReady.TotalMilliseconds:0} ms, idle RSS {idle.RssMb:0.0} MB"));
    foreach (var concurrency in new[] { 1, 16 })
    {
        await MeasureEchoAsync(upstream.Url, tributary, concurrency, calls, rounds, token);
    }

    var peak = ProcessStats.Memory(tributary.Pid).PeakMb;
    Report("idle RSS", idle.RssMb, "MB", "<= 100 MB", idle.RssMb <= 100);
    Report("peak RSS under load", peak, "MB", "(reported)", null);
}

var readyTimes = new List<double>();
for (var i = 0; i < 3; i++)
{
    await using var fifty = await TributaryProcess.StartAsync(Registry.ClosedPorts(50), FreePort.Next(), token);
    readyTimes.Add(fifty.TimeToReady.TotalMilliseconds);
}

var ready = readyTimes.Order().ElementAt(1);
Report("time to ready, 50 servers (median of 3, includes process start)", ready, "ms", "<= 1000 ms", ready <= 1000);

await using (var twenty = await TributaryProcess.StartAsync(Registry.Many(upstream.Url, 20), FreePort.Next(), token))
{
    await using var client = await McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions { Endpoint = twenty.McpUrl, TransportMode = HttpTransportMode.StreamableHttp }),
        new McpClientOptions { ProtocolVersion = "2025-11-25" },
        cancellationToken: token);
    var first = await client.ListToolsAsync(cancellationToken: token);
    var clientLatencies = new List<double>();
    for (var i = 0; i < 200; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await client.ListToolsAsync(cancellationToken: token);
        clientLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // As one HTTP exchange, request to the last byte: what serving the listing costs, without a client's parsing
    // of it (the C# client's takes longer than the exchange for a listing of hundreds of tools).
    using var raw = await RawMcpSession.StartAsync(twenty.McpUrl, token);
    var exchangeLatencies = new List<double>();
    var bytes = 0;
    for (var i = 0; i < 300; i++)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await raw.SendAsync("tools/list", null, token);
        bytes = (await response.Content.ReadAsByteArrayAsync(token)).Length;
        if (i >= 100)
        {
            exchangeLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    var exchange = LatencyStats.From(exchangeLatencies, TimeSpan.Zero).P50Ms;
    Report(Invariant($"cached tools/list p50, 20 upstreams ({first.Count} tools, {bytes / 1024} KB), request to last byte"), exchange, "ms", "<= 2 ms", exchange <= 2);
    var withClient = LatencyStats.From(clientLatencies, TimeSpan.Zero).P50Ms;
    Report("the same through the C# SDK client's ListToolsAsync (adds its parsing)", withClient, "ms", "(reported)", null);
}

return 0;

static async Task MeasureEchoAsync(Uri direct, TributaryProcess tributary, int concurrency, int calls, int rounds, CancellationToken token)
{
    await using var directLoad = await EchoLoad.ConnectAsync(direct, concurrency, "echo", token);
    await using var throughLoad = await EchoLoad.ConnectAsync(tributary.McpUrl, concurrency, "everything__echo", token);
    // Warm up until the JIT has settled: the first few thousand calls compile and then recompile (tier 0, then
    // tier 1) the code on the call path, which would otherwise be counted as the cost of the calls measured.
    await directLoad.RunAsync(Math.Max(200, calls / 10), token);
    await WarmUpAsync(throughLoad, tributary, token);

    var directRuns = new List<(double[] LatenciesMs, TimeSpan Elapsed)>();
    var throughRuns = new List<(double[] LatenciesMs, TimeSpan Elapsed)>();
    var cpu = TimeSpan.Zero;
    for (var round = 0; round < rounds; round++)
    {
        // Interleaved, so drift of the machine affects both sides alike.
        directRuns.Add(await directLoad.RunAsync(calls / rounds, token));
        var before = ProcessStats.CpuTime(tributary.Pid);
        throughRuns.Add(await throughLoad.RunAsync(calls / rounds, token));
        cpu += ProcessStats.CpuTime(tributary.Pid) - before;
    }

    var directStats = Combine(directRuns);
    var throughStats = Combine(throughRuns);
    Console.WriteLine($"c={concurrency,-2} direct   {directStats}");
    Console.WriteLine($"c={concurrency,-2} through  {throughStats}");
    var ratio = throughStats.CallsPerSecond / directStats.CallsPerSecond;
    var target = concurrency == 1 ? 0.95 : 0.9;
    Report($"throughput through/direct at c={concurrency}", ratio, "x", Invariant($">= {target}x"), ratio >= target);
    var cpuPerCall = cpu.TotalMilliseconds / throughStats.Calls;
    Report($"tributary CPU per call at c={concurrency}", cpuPerCall, "ms", "<= 0.3 ms", cpuPerCall <= 0.3);
}

// Calls in batches until a batch costs no more CPU per call than the one before it (within 5%), at most 20 batches.
static async Task WarmUpAsync(EchoLoad load, TributaryProcess tributary, CancellationToken token)
{
    const int Batch = 500;
    var previous = double.MaxValue;
    for (var i = 0; i < 20; i++)
    {
        var before = ProcessStats.CpuTime(tributary.Pid);
        await load.RunAsync(Batch, token);
        var perCall = (ProcessStats.CpuTime(tributary.Pid) - before).TotalMilliseconds / Batch;
        Console.WriteLine(Invariant($"  warm-up batch {i + 1}: {perCall:0.000} ms CPU per call"));
        if (perCall >= previous * 0.95)
        {
            return;
        }

        previous = perCall;
    }
}

static LatencyStats Combine(List<(double[] LatenciesMs, TimeSpan Elapsed)> runs) =>
    LatencyStats.From([.. runs.SelectMany(r => r.LatenciesMs)], runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed));

static void Report(string what, double value, string unit, string target, bool? met) =>
    Console.WriteLine(Invariant($"  {what}: {value:0.###} {unit}   target {target}   {(met is null ? string.Empty : met.Value ? "met" : "NOT met")}"));

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static int ReadOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
