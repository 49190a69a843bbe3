namespace Tributary.Server.Webhooks;

/// <summary>Holds a merge request for one item at a time across every replica that shares the lock store.</summary>
internal interface IMergeRequestLocks
{
    /// <summary>
    /// Takes the merge request of <paramref name="work"/>. A mention waits until it has it. A review that finds it
    /// held elsewhere leaves a note for the holder to review once more when it lets go, and gets <see langword="null"/>.
    /// </summary>
    Task<IMergeRequestLease?> AcquireAsync(WebhookWork work, CancellationToken cancellationToken);
}
