namespace Tributary.Server.Webhooks;

/// <summary>A replica's hold on one merge request while an item of it runs; disposed after <see cref="ReleaseAsync"/>.</summary>
internal interface IMergeRequestLease : IDisposable
{
    /// <summary>Cancelled when the hold was lost (it expired and may be someone else's now).</summary>
    CancellationToken Lost { get; }

    /// <summary>
    /// Lets go of the merge request; returns the delivery id of a review asked for meanwhile on another replica,
    /// which this one must now queue, or <see langword="null"/>.
    /// </summary>
    Task<string?> ReleaseAsync(CancellationToken cancellationToken);
}
