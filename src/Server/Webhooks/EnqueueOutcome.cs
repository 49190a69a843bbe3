namespace Tributary.Server.Webhooks;

/// <summary>What became of an item offered to <see cref="WebhookWorkQueue"/>.</summary>
internal enum EnqueueOutcome
{
    /// <summary>It waits its turn.</summary>
    Queued,

    /// <summary>A review of the same merge request already waits; that one will see the new commits too.</summary>
    Coalesced,

    /// <summary>The queue holds its capacity; try again later.</summary>
    Full,

    /// <summary>The host is stopping and takes no new work.</summary>
    Stopped,
}
