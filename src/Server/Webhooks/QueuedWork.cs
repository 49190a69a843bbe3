namespace Tributary.Server.Webhooks;

/// <summary>An accepted item and the delivery keys it claimed (released if it is abandoned, so a resend is done).</summary>
internal sealed record QueuedWork(WebhookWork Work, IReadOnlyList<string> DeliveryKeys);
