using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Tributary.Benchmarks;

/// <summary>Independent lean sessions (<see cref="ILeanSession"/>) at one target, each calling <c>echo</c> back to back.</summary>
internal sealed class LeanLoad : IDisposable
{
    private readonly HttpClient _http;
    private readonly ILeanSession[] _sessions;

    private LeanLoad(HttpClient http, ILeanSession[] sessions)
    {
        _http = http;
        _sessions = sessions;
    }

    public static async Task<LeanLoad> ConnectAsync(BenchTarget target, int sessions, CancellationToken cancellationToken)
    {
        // One connection per session at most, kept for the whole run, as separate clients would have; an SSE session
        // holds its event stream open on one and posts on another.
        var sse = target.Transport == HttpTransportMode.Sse;
        var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = sse ? 2 * sessions : sessions,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            var started = new List<ILeanSession>(sessions);
            try
            {
                for (var i = 0; i < sessions; i++)
                {
                    started.Add(sse
                        ? await LeanSseSession.StartAsync(http, target.McpUrl, target.ToolName, cancellationToken)
                        : await LeanSession.StartAsync(http, target.McpUrl, target.ToolName, cancellationToken));
                }
            }
            catch
            {
                started.ForEach(s => s.Dispose());
                throw;
            }

            return new LeanLoad(http, [.. started]);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Makes <paramref name="calls"/> calls in all over every session; failed calls are counted, not thrown.</summary>
    public async Task<LoadRun> RunAsync(int calls, CancellationToken cancellationToken)
    {
        var latencies = new double[calls];
        var next = -1;
        var errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(_sessions.Select(async session =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await session.CallEchoAsync(cancellationToken);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return new LoadRun(latencies, total.Elapsed, errors);
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _http.Dispose();
    }
}
