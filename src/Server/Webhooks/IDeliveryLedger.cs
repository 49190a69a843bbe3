namespace Tributary.Server.Webhooks;

/// <summary>Remembers deliveries for <see cref="WebhookOptions.DeliveryMemory"/>, so a redelivery is done once.</summary>
internal interface IDeliveryLedger
{
    /// <summary>
    /// Claims every key of a delivery (its event id, a note's id...): true when none was claimed before, and then
    /// all are; false when the delivery was received before, and then nothing changes.
    /// </summary>
    ValueTask<bool> TryClaimAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="keys"/> (work refused or abandoned), so GitLab's resend is done.</summary>
    ValueTask ReleaseAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
