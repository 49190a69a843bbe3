namespace Tributary.Server.Webhooks;

/// <summary>Locks with no Redis: one process, whose queue already runs one item per merge request at a time.</summary>
internal sealed class LocalMergeRequestLocks : IMergeRequestLocks, IMergeRequestLease
{
    /// <inheritdoc />
    public CancellationToken Lost => CancellationToken.None;

    /// <inheritdoc />
    public Task<IMergeRequestLease?> AcquireAsync(WebhookWork work, CancellationToken cancellationToken) =>
        Task.FromResult<IMergeRequestLease?>(this);

    /// <inheritdoc />
    public Task<string?> ReleaseAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <inheritdoc />
    public void Dispose()
    {
        // One shared instance with nothing to let go.
    }
}
