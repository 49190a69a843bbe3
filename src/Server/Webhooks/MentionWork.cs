namespace Tributary.Server.Webhooks;

/// <summary>Answer an @tributary mention in an MR note.</summary>
internal sealed record MentionWork(long ProjectId, string ProjectPath, int MergeRequestIid, string DeliveryId, long NoteId, string DiscussionId, string Note, long AuthorId, string AuthorUsername) : WebhookWork(ProjectId, ProjectPath, MergeRequestIid, DeliveryId);
