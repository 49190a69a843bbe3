using Microsoft.Extensions.Logging;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The background work of one owner (for a connection: its connect attempt, session watch, keep-alive pings,
/// restarts, list refreshes, re-subscriptions and closes). Each piece runs on the owner's stopping token and is tracked
/// until it has ended and its outcome has been looked at; disposal cancels that token and waits for every piece, work
/// started meanwhile included, for at most <see cref="StopBound"/>, so a hung upstream cannot hold shutdown forever. A
/// failure is logged under the owner's name (or left to the callers that await it), never left unobserved.
/// </summary>
internal sealed partial class BackgroundWork : IAsyncDisposable
{
    /// <summary>
    /// How long disposal waits by default: longer than a stdio session takes to close (its process is given 2 s to
    /// exit, then its stderr 1 s to drain), short enough that a host with a hung upstream still stops.
    /// </summary>
    public static readonly TimeSpan DefaultStopBound = TimeSpan.FromSeconds(10);

    private readonly string _ownerName;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _redact;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<long, Piece> _running = [];
    private readonly Lock _gate = new();
    private long _lastId;
    private bool _stopped;
    private int _disposing;

    /// <param name="ownerName">Whose work this is, named in the logs (an MCP server's name).</param>
    /// <param name="logger">Where failures and work still running past the bound are logged.</param>
    /// <param name="time">The clock of the stop bound.</param>
    /// <param name="redact">Scrubs secrets from a failure's message before it is logged.</param>
    public BackgroundWork(string ownerName, ILogger logger, TimeProvider time, Func<string, string>? redact = null)
    {
        _ownerName = ownerName;
        _logger = logger;
        _time = time;
        _redact = redact ?? (text => text);
    }

    /// <summary>How long <see cref="DisposeAsync"/> waits for the work to end.</summary>
    public TimeSpan StopBound { get; init; } = DefaultStopBound;

    /// <summary>What is running now, by the names it was started with, in no particular order.</summary>
    public IReadOnlyList<string> Running
    {
        get
        {
            lock (_gate)
            {
                return [.. _running.Values.Select(r => r.What)];
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="work"/>, which nobody else awaits: its failure is logged. It begins on the caller's stack,
    /// as a call would (what it does before its first wait is done when this returns). Once the owner is disposed,
    /// nothing starts any more (the owner has nothing left to do it for).
    /// </summary>
    /// <param name="what">What the work is, for the logs (<c>session watch</c>, <c>keep-alive pings</c>).</param>
    /// <param name="work">The work; it should end soon after its token is cancelled.</param>
    public void Start(string what, Func<CancellationToken, Task> work) => Track(what, work, Task.FromException, logFailure: true);

    /// <summary>
    /// Starts <paramref name="work"/> whose result callers await (they report its failure, so it is not logged here);
    /// tracked so that disposal waits for it, and observed, so its failure is not left unobserved when every caller
    /// gave up waiting.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The owner has been disposed.</exception>
    public Task<T> Run<T>(string what, Func<CancellationToken, Task<T>> work) =>
        Track(what, work, Task.FromException<T>, logFailure: false) ?? throw new ObjectDisposedException(nameof(BackgroundWork));

    /// <summary>
    /// Cancels the work's token and waits until all of it has ended, work it started while ending included, or until
    /// <see cref="StopBound"/> has passed; what is still running then is logged and left to end by itself.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposing, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        var deadline = _time.GetTimestamp();
        while (true)
        {
            Piece[] running;
            lock (_gate)
            {
                running = [.. _running.Values];
                // Nothing is left that could start more: from here on, work is refused.
                _stopped |= running.Length == 0;
            }

            if (running.Length == 0)
            {
                return;
            }

            var left = StopBound - _time.GetElapsedTime(deadline);
            try
            {
                // The tracked tasks never fail: each catches and logs its work's failure.
                await Task.WhenAll(running.Select(r => r.Task)).WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time);
            }
            catch (TimeoutException)
            {
                lock (_gate)
                {
                    _stopped = true;
                }

                foreach (var stuck in running.Where(r => !r.Task.IsCompleted))
                {
                    LogStillRunning(_ownerName, stuck.What, DurationText.Format(StopBound));
                }

                return;
            }
        }
    }

    private TTask? Track<TTask>(string what, Func<CancellationToken, TTask> work, Func<Exception, TTask> failed, bool logFailure)
        where TTask : Task
    {
        // What disposal waits for: set once the work has ended and its outcome has been looked at.
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long id;
        lock (_gate)
        {
            if (_stopped)
            {
                return null;
            }

            id = ++_lastId;
            _running.Add(id, new Piece(what, ended.Task));
        }

        TTask task;
        try
        {
            task = work(_stopping.Token);
        }
        catch (Exception e)
        {
            // Thrown before its first wait: still the work's failure, reported the same way.
            task = failed(e);
        }

        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => End(id, what, task, logFailure, ended));
        return task;
    }

    private void End(long id, string what, Task task, bool logFailure, TaskCompletionSource ended)
    {
        // Reading the exception is what marks it observed; a cancelled task has none (stopping, as asked).
        if (task.Exception is { } failure && logFailure)
        {
            var error = failure.InnerExceptions is [var single] ? single : failure;
            LogFailed(_ownerName, what, _redact(FailureDescription.Describe(error)));
        }

        Forget(id);
        ended.SetResult();
    }

    private void Forget(long id)
    {
        lock (_gate)
        {
            _running.Remove(id);
        }
    }

    [LoggerMessage(1040, LogLevel.Error, "Background work '{Work}' of MCP server {ServerName} failed: {Reason}")]
    private partial void LogFailed(string serverName, string work, string reason);

    [LoggerMessage(1041, LogLevel.Warning, "Background work '{Work}' of MCP server {ServerName} was still running {Bound} after shutdown began; it is left to end by itself")]
    private partial void LogStillRunning(string serverName, string work, string bound);

    private readonly record struct Piece(string What, Task Task);
}
