using System.Globalization;
using Tributary.Benchmarks;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

// Measures Tributary side by side with calling server-everything directly and with the npm gateways (issue 17);
// prints every figure against its goal, asserts nothing. Usage: see BenchmarkOptions.Usage.
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"{BenchmarkOptions.Usage}{Environment.NewLine}running with {options}");
using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));
var token = stop.Token;
var goals = new GoalTable();

await using var upstream = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp, cancellationToken: token);
Console.WriteLine($"upstream: server-everything (streamable HTTP) at {upstream.Url}");

if (options.ToolsListOnly)
{
    await MeasureToolsListAsync();
    goals.Print();
    return 0;
}

var targets = new List<BenchTarget> { new("direct", "-", upstream.Url, "echo", upstream.ProcessId, null) };
try
{
    var http = await TributaryProcess.StartAsync(Registry.Single(upstream.Url), FreePort.Next(), token);
    var idleRss = ProcessStats.Memory(http.Pid).RssMb;
    targets.Add(new(Goals.TributaryName, Goals.HttpUpstream, http.McpUrl, "everything__echo", http.Pid, http));
    var stdio = await TributaryProcess.StartAsync(Registry.Stdio(EverythingServer.StdioCommand), FreePort.Next(), token);
    targets.Add(new(Goals.TributaryName, Goals.StdioUpstream, stdio.McpUrl, "everything__echo", stdio.Pid, stdio));
    targets.Add(await PeerGateway.StartMcpProxyAsync(token));
    targets.Add(await PeerGateway.StartSupergatewayAsync(token));
    try
    {
        targets.Add(await PeerGateway.StartMcpHubAsync(upstream.Url, token));
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException or OperationCanceledException && !token.IsCancellationRequested)
    {
        Console.WriteLine($"mcp-hub did not start, left out of the comparison: {e.Message}");
    }

    // What the monitoring costs Tributary, and what the allocation figures hold besides the calls (a window is
    // bracketed by counter samples up to ~2 s apart): idle CPU without and with the counters session, idle bytes
    // with it. Measured once the peers' start has given Tributary's own start-up time to settle.
    var idleWindow = TimeSpan.FromSeconds(3);
    var cpuBefore = ProcessStats.CpuTime(http.Pid);
    await Task.Delay(idleWindow, token);
    var idleCpuOff = (ProcessStats.CpuTime(http.Pid) - cpuBefore).TotalMilliseconds / idleWindow.TotalSeconds;
    for (var i = 0; i < targets.Count; i++)
    {
        if (targets[i].Name == Goals.TributaryName)
        {
            targets[i] = targets[i] with { Allocations = await AllocationMonitor.StartAsync(targets[i].Pid, token) };
        }
    }

    var httpAllocations = targets[1].Allocations!;
    var idleFrom = await httpAllocations.AllocatedBytesAtAsync(DateTime.UtcNow, token);
    cpuBefore = ProcessStats.CpuTime(http.Pid);
    var idleTo = await httpAllocations.AllocatedBytesAtAsync(DateTime.UtcNow + idleWindow, token);
    var idleCpuOn = (ProcessStats.CpuTime(http.Pid) - cpuBefore).TotalMilliseconds / idleWindow.TotalSeconds;
    Console.WriteLine(Invariant(
        $"Tributary (HTTP upstream) idle: CPU {idleCpuOff:0.0} ms/s without the counters session, {idleCpuOn:0.0} ms/s with it; allocations {(idleTo - idleFrom) / idleWindow.TotalSeconds / 1024:0.0} KB/s"));
    Console.WriteLine(Invariant($"Tributary (HTTP upstream): ready in {http.TimeToReady.TotalMilliseconds:0} ms, idle RSS {idleRss:0.0} MB"));

    var c1 = await EchoComparison.RunAsync(targets, 1, options, token);
    EchoTable.Print(c1);
    var c16 = await EchoComparison.RunAsync(targets, 16, options, token);
    EchoTable.Print(c16);
    Goals.AddEcho(goals, c1, c16);
    goals.Add("Tributary idle RSS (HTTP upstream, before any call)", "≤ 80 MB", $"{idleRss:0.0} MB", idleRss <= 80);

    Console.WriteLine(Invariant($"soak: {options.SoakSessions} sessions × {options.SoakCalls} calls through Tributary (HTTP upstream)"));
    var soak = await SoakRun.RunAsync(targets[1], options, token);
    goals.Add(Invariant($"soak {options.SoakSessions} sessions × {options.SoakCalls} calls: errors"), "0 (at 64 × 10,000)", $"{soak.Errors} of {soak.Calls}", soak.Errors == 0);
    goals.Add(
        Invariant($"soak RSS after all calls vs after the first {options.SoakCalls}"),
        "within 10%",
        $"{soak.RssAfterAllMb:0.0} vs {soak.RssAfterFirstMb:0.0} MB ({soak.Growth:+0.0%;-0.0%})",
        Math.Abs(soak.Growth) <= 0.10);
}
finally
{
    foreach (var target in targets)
    {
        await target.DisposeAsync();
    }
}

await MeasureToolsListAsync();

var ready = await ReadyBenchmark.RunAsync(token);
goals.Add("time to ready, 50 servers (median of 3, includes process start)", "≤ 1 s", $"{ready:0} ms", ready <= 1000);

goals.Print();
return 0;

async Task MeasureToolsListAsync()
{
    var list = await ToolListBenchmark.RunAsync(upstream.Url, token);
    goals.Add(Invariant($"cached merged tools/list p50, 20 upstreams ({list.Tools} tools, {list.Bytes / 1024} KB), request to last byte"), "≤ 1 ms", $"{list.ExchangeP50Ms:0.000} ms", list.ExchangeP50Ms <= 1);
    goals.Add("Tributary's CPU per cached tools/list exchange", "(reported)", $"{list.CpuPerExchangeMs:0.000} ms", null);
    goals.Add("the same through the C# SDK client's ListToolsAsync (adds its parsing)", "(reported)", $"{list.ClientP50Ms:0.000} ms", null);
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

