using Microsoft.Extensions.Logging;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Every log message of the GitLab webhook and its queue, in one place with their event ids (7001-7099).
/// Messages about work carry the project and the merge request; none carries the secret.
/// </summary>
internal static partial class WebhookLog
{
    [LoggerMessage(7001, LogLevel.Information, "GitLab webhook on at POST /webhooks/gitlab: {Workers} workers, {Capacity} waiting items at most, deliveries and merge request locks kept in {Store}")]
    public static partial void On(ILogger logger, int workers, int capacity, string store);

    [LoggerMessage(7002, LogLevel.Information, "Queued {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}), delivery {DeliveryId}")]
    public static partial void Queued(ILogger logger, string kind, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7003, LogLevel.Information, "Review of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) already waiting: delivery {DeliveryId} joins it")]
    public static partial void Coalesced(ILogger logger, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7004, LogLevel.Information, "Delivery {DeliveryId} ({Kind} of merge request !{MergeRequestIid} of {ProjectPath}) was received before: not done again")]
    public static partial void Duplicate(ILogger logger, string deliveryId, string kind, int mergeRequestIid, string projectPath);

    [LoggerMessage(7005, LogLevel.Debug, "Ignored {Event} delivery {DeliveryId}: {Reason}")]
    public static partial void Ignored(ILogger logger, string @event, string deliveryId, string reason);

    [LoggerMessage(7006, LogLevel.Warning, "Refused a webhook delivery ({StatusCode}): {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(7007, LogLevel.Warning, "Queue full ({Capacity} waiting): refused {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}), delivery {DeliveryId}")]
    public static partial void Full(ILogger logger, int capacity, string kind, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7008, LogLevel.Information, "Starting {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}), delivery {DeliveryId}")]
    public static partial void Starting(ILogger logger, string kind, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7009, LogLevel.Information, "Finished {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) in {ElapsedMs} ms")]
    public static partial void Finished(ILogger logger, string kind, int mergeRequestIid, string projectPath, long projectId, long elapsedMs);

    [LoggerMessage(7010, LogLevel.Error, "{Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) failed, delivery {DeliveryId}")]
    public static partial void Failed(ILogger logger, Exception exception, string kind, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7011, LogLevel.Warning, "Shutdown timeout: cancelled {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) while it ran, delivery {DeliveryId}")]
    public static partial void CancelledAtShutdown(ILogger logger, string kind, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7012, LogLevel.Warning, "Shutting down: abandoned {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) before it started, delivery {DeliveryId}; send the delivery again from GitLab's webhook page once Tributary is back")]
    public static partial void Abandoned(ILogger logger, string kind, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7013, LogLevel.Information, "Webhook {Kind} of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}): {Outcome}")]
    public static partial void WorkDone(ILogger logger, string kind, int mergeRequestIid, string projectPath, long projectId, string outcome);

    [LoggerMessage(7014, LogLevel.Information, "Another replica works on merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}): it will review once more when done, delivery {DeliveryId}")]
    public static partial void ReviewHandedOver(ILogger logger, int mergeRequestIid, string projectPath, long projectId, string deliveryId);

    [LoggerMessage(7015, LogLevel.Debug, "Mention in merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) waits for another replica's work on it")]
    public static partial void WaitingForReplica(ILogger logger, int mergeRequestIid, string projectPath, long projectId);

    [LoggerMessage(7016, LogLevel.Warning, "Redis is unreachable for webhook deliveries ({Reason}); remembering deliveries in this process only until it is back")]
    public static partial void DeliveryStoreUnreachable(ILogger logger, string reason);

    [LoggerMessage(7017, LogLevel.Warning, "Redis is unreachable for the lock of merge request !{MergeRequestIid} of project {ProjectId} ({Reason}); serialized in this process only")]
    public static partial void LockUnreachable(ILogger logger, int mergeRequestIid, long projectId, string reason);

    [LoggerMessage(7018, LogLevel.Warning, "Lost the lock of merge request !{MergeRequestIid} of project {ProjectId} in Redis (it expired and another replica may hold it): cancelling the work on it")]
    public static partial void LockLost(ILogger logger, int mergeRequestIid, long projectId);

    [LoggerMessage(7019, LogLevel.Information, "A review of merge request !{MergeRequestIid} of {ProjectPath} (project {ProjectId}) was asked for while it was busy: queued one more")]
    public static partial void FollowUpReview(ILogger logger, int mergeRequestIid, string projectPath, long projectId);
}
