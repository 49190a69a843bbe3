using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Tributary.Benchmarks;

/// <summary>Drives <c>echo</c> calls over <c>sessions</c> concurrent MCP sessions at one endpoint.</summary>
internal sealed class EchoLoad : IAsyncDisposable
{
    private readonly McpClient[] _clients;
    private readonly string _toolName;

    private EchoLoad(McpClient[] clients, string toolName)
    {
        _clients = clients;
        _toolName = toolName;
    }

    public static async Task<EchoLoad> ConnectAsync(Uri endpoint, int sessions, string toolName, CancellationToken cancellationToken)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, sessions).Select(async _ =>
        {
            var client = await McpClient.CreateAsync(
                new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
                new McpClientOptions { ProtocolVersion = "2025-11-25" },
                cancellationToken: cancellationToken);
            await client.ListToolsAsync(cancellationToken: cancellationToken);
            return client;
        }));
        return new EchoLoad(clients, toolName);
    }

    /// <summary>Makes <paramref name="calls"/> calls in all, every session calling back to back; returns each call's latency in ms.</summary>
    public async Task<(double[] LatenciesMs, TimeSpan Elapsed)> RunAsync(int calls, CancellationToken cancellationToken)
    {
        var latencies = new double[calls];
        var next = -1;
        var arguments = new Dictionary<string, object?> { ["message"] = "benchmark" };
        var total = Stopwatch.StartNew();
        await Task.WhenAll(_clients.Select(async client =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await client.CallToolAsync(_toolName, arguments, cancellationToken: cancellationToken);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (result.IsError == true)
                {
                    throw new InvalidOperationException($"{_toolName} failed during the benchmark");
                }
            }
        }));
        return (latencies, total.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
