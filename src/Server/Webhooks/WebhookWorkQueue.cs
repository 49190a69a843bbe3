using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Webhooks;

/// <summary>
/// The accepted webhook work, one line per merge request. At most <see cref="WebhookOptions.QueueCapacity"/> items
/// wait; a merge request with a waiting item is in a bounded ready channel once, and a worker that takes it runs its
/// oldest item, so one merge request never has two items running while different ones run side by side. A review
/// offered while a review of the same merge request waits joins that one; mentions always queue.
/// </summary>
internal sealed class WebhookWorkQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<MergeRequestKey, MergeRequestLine> _lines = [];
    private readonly Channel<MergeRequestKey> _ready;
    private readonly int _capacity;
    private int _waiting;
    private int _running;
    private bool _stopped;

    /// <summary>Creates the queue with the configured capacity.</summary>
    public WebhookWorkQueue(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.Value.QueueCapacity;

        // A merge request is in the channel once, and only with a waiting item: at most the capacity, plus the
        // follow-up reviews (one per running merge request, so one per worker at most).
        _ready = Channel.CreateBounded<MergeRequestKey>(_capacity + WebhookOptionsValidator.MaxWorkers);
    }

    /// <summary>Merge requests with an item to run, in the order they became ready.</summary>
    public ChannelReader<MergeRequestKey> Ready => _ready.Reader;

    /// <summary>How many items wait.</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    /// <summary>How many items run.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Whether the queue takes no more work (the host is stopping).</summary>
    public bool IsStopped
    {
        get
        {
            lock (_gate)
            {
                return _stopped;
            }
        }
    }

    /// <summary>Offers a delivery's <paramref name="item"/>.</summary>
    public EnqueueOutcome Enqueue(QueuedWork item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (_stopped)
            {
                return EnqueueOutcome.Stopped;
            }

            var key = MergeRequestKey.Of(item.Work);
            if (item.Work is ReviewWork && _lines.TryGetValue(key, out var existing) && existing.ReviewWaiting)
            {
                return EnqueueOutcome.Coalesced;
            }

            if (_waiting >= _capacity)
            {
                return EnqueueOutcome.Full;
            }

            Add(key, item);
            return EnqueueOutcome.Queued;
        }
    }

    /// <summary>
    /// Queues one more review of a merge request a worker has just finished with, because a review was asked for
    /// meanwhile (on another replica); it joins a review that already waits, and is not refused for capacity.
    /// </summary>
    public EnqueueOutcome EnqueueFollowUp(ReviewWork review)
    {
        ArgumentNullException.ThrowIfNull(review);
        lock (_gate)
        {
            var key = MergeRequestKey.Of(review);
            if (_stopped)
            {
                return EnqueueOutcome.Stopped;
            }

            if (_lines.TryGetValue(key, out var existing) && existing.ReviewWaiting)
            {
                return EnqueueOutcome.Coalesced;
            }

            Add(key, new QueuedWork(review, []));
            return EnqueueOutcome.Queued;
        }
    }

    /// <summary>Takes the oldest item of <paramref name="key"/> to run it; false when there is none (the queue stopped).</summary>
    public bool TryStart(MergeRequestKey key, out QueuedWork item)
    {
        lock (_gate)
        {
            if (_lines.TryGetValue(key, out var line) && !line.Running && line.Waiting.TryDequeue(out item!))
            {
                line.Scheduled = false;
                line.Running = true;
                _waiting--;
                _running++;
                return true;
            }

            item = null!;
            return false;
        }
    }

    /// <summary>Marks the running item of <paramref name="key"/> done; the merge request's next item, if any, becomes ready.</summary>
    public void Finish(MergeRequestKey key)
    {
        lock (_gate)
        {
            if (!_lines.TryGetValue(key, out var line))
            {
                return;
            }

            line.Running = false;
            _running--;
            if (line.Waiting.Count == 0)
            {
                _lines.Remove(key);
            }
            else if (!_stopped)
            {
                Schedule(key, line);
            }
        }
    }

    /// <summary>Takes no more work and hands back every item that had not started (the caller reports them).</summary>
    public IReadOnlyList<QueuedWork> Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _ready.Writer.TryComplete();
            var abandoned = _lines.Values.SelectMany(line => line.Waiting).ToList();
            foreach (var line in _lines.Values)
            {
                line.Waiting.Clear();
            }

            _waiting = 0;
            return abandoned;
        }
    }

    private void Add(MergeRequestKey key, QueuedWork item)
    {
        if (!_lines.TryGetValue(key, out var line))
        {
            line = new MergeRequestLine();
            _lines.Add(key, line);
        }

        line.Waiting.Enqueue(item);
        _waiting++;
        if (!line.Running && !line.Scheduled)
        {
            Schedule(key, line);
        }
    }

    private void Schedule(MergeRequestKey key, MergeRequestLine line)
    {
        line.Scheduled = true;

        // Cannot fail: the channel has room for every merge request that can have a waiting item.
        _ready.Writer.TryWrite(key);
    }
}
