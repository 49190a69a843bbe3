namespace Tributary.Server.Webhooks;

/// <summary>Review the merge request (opened, reopened, or updated with new commits).</summary>
internal sealed record ReviewWork(long ProjectId, string ProjectPath, int MergeRequestIid, string DeliveryId) : WebhookWork(ProjectId, ProjectPath, MergeRequestIid, DeliveryId);
