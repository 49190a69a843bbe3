using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Tributary.Server.Tests.Security;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>Keeps every log entry of a host, and lets a test wait for the first entry with an event id.</summary>
internal sealed class WaitableLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly ConcurrentDictionary<(int EventId, int Occurrence), TaskCompletionSource<CapturedLog>> _waits = new();
    private readonly ConcurrentDictionary<int, int> _counts = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, Add);

    /// <summary>The first entry with <paramref name="eventId"/>, logged before or after the call.</summary>
    public Task<CapturedLog> WaitForAsync(int eventId) => WaitForAsync(eventId, 1);

    /// <summary>The <paramref name="occurrence"/>th entry (from 1) with <paramref name="eventId"/>, logged before or after the call.</summary>
    public Task<CapturedLog> WaitForAsync(int eventId, int occurrence) =>
        Wait(eventId, occurrence).Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    public void Dispose()
    {
    }

    private void Add(CapturedLog entry)
    {
        _entries.Enqueue(entry);
        Wait(entry.EventId.Id, _counts.AddOrUpdate(entry.EventId.Id, 1, (_, n) => n + 1)).TrySetResult(entry);
    }

    private TaskCompletionSource<CapturedLog> Wait(int eventId, int occurrence) =>
        _waits.GetOrAdd((eventId, occurrence), _ => new TaskCompletionSource<CapturedLog>(TaskCreationOptions.RunContinuationsAsynchronously));
}
