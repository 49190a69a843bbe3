using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Tributary.Benchmarks;

/// <summary>
/// Reads how many bytes a .NET process (a <c>tributary serve</c> child) has allocated, from outside and without any
/// change to it: an EventPipe session on the process's diagnostics port with the runtime's <c>System.Runtime</c>
/// EventCounters every second, summing the <c>alloc-rate</c> counter (bytes allocated since the previous sample).
/// </summary>
/// <remarks>
/// How exact: <c>alloc-rate</c> is the runtime's <c>GC.GetTotalAllocatedBytes()</c> differenced per sample, so the sum
/// between two samples is every byte the process allocated in between, less what still sits unused in the threads'
/// allocation contexts (at most about 8 KB per thread, the same at both ends). A window is bracketed by the first
/// sample after its start and the first sample stamped after its end, so it also holds up to about two seconds of
/// the process's idle allocations around the run (timers, and the counters' own payloads); the benchmark prints that
/// idle rate (about 15 KB/s here, so some 0.03 KB per call in a run of 1000 calls) so a reader can see it is small
/// next to the calls' bytes. Waiting for samples happens outside the CPU windows, but the session itself runs during
/// them: the benchmark prints Tributary's idle CPU without and with it (about 3 and 13 ms/s here, so ~0.01 ms per
/// call at 1000 calls/s is the monitoring's, not the gateway's).
/// </remarks>
internal sealed class AllocationMonitor : IAsyncDisposable
{
    private static readonly TimeSpan s_sampleTimeout = TimeSpan.FromSeconds(10);

    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _reader;
    private readonly Lock _gate = new();
    private long _total;
    private DateTime _lastSampleUtc = DateTime.MinValue;
    private TaskCompletionSource _nextSample = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AllocationMonitor(EventPipeSession session)
    {
        _session = session;
        _source = new EventPipeEventSource(session.EventStream);
        _source.Dynamic.All += OnEvent;
        _reader = Task.Factory.StartNew(() => _source.Process(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .ContinueWith(_ => Signal(), TaskScheduler.Default);
    }

    /// <summary>Starts sampling the process's counters once a second.</summary>
    public static async Task<AllocationMonitor> StartAsync(int pid, CancellationToken cancellationToken)
    {
        var provider = new EventPipeProvider(
            "System.Runtime",
            EventLevel.Informational,
            (long)EventKeywords.None,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
        var session = await new DiagnosticsClient(pid).StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, cancellationToken);
        return new AllocationMonitor(session);
    }

    /// <summary>
    /// The bytes the process had allocated in all (since sampling began) as of the first sample stamped at or after
    /// <paramref name="momentUtc"/>; null when no such sample came within ten seconds.
    /// </summary>
    public async Task<long?> AllocatedBytesAtAsync(DateTime momentUtc, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_sampleTimeout);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_lastSampleUtc >= momentUtc)
                {
                    return _total;
                }

                if (_reader.IsCompleted)
                {
                    return null;
                }

                next = _nextSample.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DiagnosticsClientException or IOException or TimeoutException)
        {
            // The process is already gone: its stream has ended or is about to.
        }

        await _reader;
        _source.Dispose();
        _session.Dispose();
    }

    private void OnEvent(TraceEvent data)
    {
        if (data.EventName != "EventCounters"
            || data.PayloadValue(0) is not IDictionary<string, object> outer
            || !outer.TryGetValue("Payload", out var inner)
            || inner is not IDictionary<string, object> fields
            || !fields.TryGetValue("Name", out var name)
            || name as string != "alloc-rate"
            || !fields.TryGetValue("Increment", out var increment))
        {
            return;
        }

        lock (_gate)
        {
            _total += (long)Convert.ToDouble(increment, System.Globalization.CultureInfo.InvariantCulture);
            _lastSampleUtc = data.TimeStamp.ToUniversalTime();
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _nextSample;
            _nextSample = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }
}
