namespace Tributary.Server.Webhooks;

/// <summary>What <c>/health</c> says about <c>POST /webhooks/gitlab</c>.</summary>
/// <param name="State"><c>on</c> or <c>off</c>.</param>
/// <param name="Reason">Why it is off, and how to turn it on.</param>
/// <param name="QueueDepth">Items waiting.</param>
/// <param name="Running">Items running.</param>
/// <param name="Capacity">The most items that may wait.</param>
/// <param name="Workers">How many items may run at once.</param>
/// <param name="Store">Where deliveries and merge request locks are kept: <c>redis</c> (shared by replicas) or <c>memory</c>.</param>
internal sealed record WebhookHealth(string State, string? Reason, int QueueDepth, int Running, int Capacity, int Workers, string Store);
