using System.Collections.Concurrent;
using System.Threading.Channels;
using Tributary.Server.Webhooks;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>
/// The handler the tests register: it records every call and, when <see cref="Hold"/>, keeps each one running until
/// the test releases it. It also tracks how many calls of one merge request run at once. One instance may serve
/// several hosts (replicas).
/// </summary>
internal sealed class RecordingWorkHandler(bool hold = false) : IWebhookWorkHandler
{
    private readonly Channel<HandlerCall> _started = Channel.CreateUnbounded<HandlerCall>();
    private readonly ConcurrentQueue<HandlerCall> _calls = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<MergeRequestKey, int> _running = [];
    private int _maxConcurrentPerMergeRequest;

    public bool Hold { get; } = hold;

    public IReadOnlyCollection<HandlerCall> Calls => _calls;

    /// <summary>The most calls of one merge request that ever ran at the same time.</summary>
    public int MaxConcurrentPerMergeRequest
    {
        get
        {
            lock (_gate)
            {
                return _maxConcurrentPerMergeRequest;
            }
        }
    }

    public async Task HandleAsync(WebhookWork work, CancellationToken cancellationToken)
    {
        var key = MergeRequestKey.Of(work);
        var call = new HandlerCall(work, cancellationToken);
        lock (_gate)
        {
            var running = _running.GetValueOrDefault(key) + 1;
            _running[key] = running;
            _maxConcurrentPerMergeRequest = Math.Max(_maxConcurrentPerMergeRequest, running);
        }

        _calls.Enqueue(call);
        _started.Writer.TryWrite(call);
        try
        {
            if (Hold)
            {
                await call.WaitForReleaseAsync();
            }
        }
        finally
        {
            lock (_gate)
            {
                _running[key]--;
            }

            call.MarkFinished(cancellationToken.IsCancellationRequested);
        }
    }

    /// <summary>The next call to start (in start order).</summary>
    public Task<HandlerCall> NextAsync() =>
        _started.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Whether a call started that <see cref="NextAsync"/> has not returned yet.</summary>
    public bool HasUnseenCall => _started.Reader.Count > 0;
}
