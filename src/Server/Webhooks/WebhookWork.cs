namespace Tributary.Server.Webhooks;

/// <summary>What a webhook asks Tributary to do about one merge request.</summary>
internal abstract record WebhookWork(long ProjectId, string ProjectPath, int MergeRequestIid, string DeliveryId);
