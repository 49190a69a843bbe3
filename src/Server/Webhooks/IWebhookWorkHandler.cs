namespace Tributary.Server.Webhooks;

/// <summary>Does the work; the queue calls it one item at a time per merge request.</summary>
internal interface IWebhookWorkHandler { Task HandleAsync(WebhookWork work, CancellationToken cancellationToken); }
