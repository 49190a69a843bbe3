using System.Diagnostics;

namespace Tributary.Benchmarks;

/// <summary>Independent <see cref="LeanSession"/>s at one endpoint, each calling <c>echo</c> back to back.</summary>
internal sealed class LeanLoad : IDisposable
{
    private readonly HttpClient _http;
    private readonly LeanSession[] _sessions;

    private LeanLoad(HttpClient http, LeanSession[] sessions)
    {
        _http = http;
        _sessions = sessions;
    }

    public static async Task<LeanLoad> ConnectAsync(Uri endpoint, int sessions, string toolName, CancellationToken cancellationToken)
    {
        // One connection per session at most, kept for the whole run, as separate clients would have.
        var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = sessions,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        try
        {
            var started = new LeanSession[sessions];
            for (var i = 0; i < sessions; i++)
            {
                started[i] = await LeanSession.StartAsync(http, endpoint, toolName, cancellationToken);
            }

            return new LeanLoad(http, started);
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

    public void Dispose() => _http.Dispose();
}
