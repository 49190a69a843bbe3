namespace Tributary.Server.Health;

/// <summary>
/// Runs an expensive check (pinging every upstream, asking GitLab who the token is) for many callers at once: callers
/// that arrive while it runs share it, and its result is reused for <see cref="HealthProbeOptions.ReuseFor"/> (10 s) after it ends,
/// so any number of <c>/health?probe=true</c> requests cost at most one round per window. The round runs on this
/// object's own token, not a caller's, so a client that goes away does not cancel it for the others; disposing
/// cancels it and waits for it.
/// </summary>
/// <typeparam name="T">What the check yields.</typeparam>
internal sealed class CoalescedProbe<T>(TimeProvider time, HealthProbeOptions options) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task<T>? _current;
    private long _endedAt;

    /// <summary>The result of the current round, starting one with <paramref name="probe"/> if none runs and the last is too old.</summary>
    public Task<T> RunAsync(Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        Task<T> round;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (_current is null || (_current.IsCompleted && time.GetElapsedTime(Volatile.Read(ref _endedAt)) >= options.ReuseFor))
            {
                _current = RunRoundAsync(probe);
            }

            round = _current;
        }

        return round.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task<T>? round;
        lock (_lock)
        {
            round = _current;
            _disposed.Cancel();
        }

        if (round is not null)
        {
            try
            {
                await round;
            }
            catch (Exception e) when (e is OperationCanceledException || round.IsFaulted)
            {
                // The round's callers saw its failure; shutting down only waits for it to end.
            }
        }

        _disposed.Dispose();
    }

    private async Task<T> RunRoundAsync(Func<CancellationToken, Task<T>> probe)
    {
        // Off the caller's stack, so the lock is never held while the probe starts.
        await Task.Yield();
        try
        {
            return await probe(_disposed.Token);
        }
        finally
        {
            Volatile.Write(ref _endedAt, time.GetTimestamp());
        }
    }
}
