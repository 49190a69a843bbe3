using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Tributary.Server.Tests.Security;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>Keeps every log entry of a host, and lets a test wait for the first entry with an event id.</summary>
internal sealed class WaitableLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<CapturedLog>> _waits = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, Add);

    /// <summary>The first entry with <paramref name="eventId"/>, logged before or after the call.</summary>
    public Task<CapturedLog> WaitForAsync(int eventId) =>
        Wait(eventId).Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    public void Dispose()
    {
    }

    private void Add(CapturedLog entry)
    {
        _entries.Enqueue(entry);
        Wait(entry.EventId.Id).TrySetResult(entry);
    }

    private TaskCompletionSource<CapturedLog> Wait(int eventId) =>
        _waits.GetOrAdd(eventId, _ => new TaskCompletionSource<CapturedLog>(TaskCreationOptions.RunContinuationsAsynchronously));
}
