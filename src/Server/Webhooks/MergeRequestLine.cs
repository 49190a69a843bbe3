namespace Tributary.Server.Webhooks;

/// <summary>The items of one merge request, in arrival order, and whether one of them runs or is scheduled to.</summary>
internal sealed class MergeRequestLine
{
    /// <summary>Items not started yet.</summary>
    public Queue<QueuedWork> Waiting { get; } = new();

    /// <summary>Whether a worker runs an item of this merge request.</summary>
    public bool Running { get; set; }

    /// <summary>Whether the merge request is in the ready channel, so a worker will take its next item.</summary>
    public bool Scheduled { get; set; }

    /// <summary>Whether a review waits (so another one joins it instead of queueing).</summary>
    public bool ReviewWaiting => Waiting.Any(item => item.Work is ReviewWork);
}
