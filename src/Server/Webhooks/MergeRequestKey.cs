namespace Tributary.Server.Webhooks;

/// <summary>One merge request: the unit of serialization (never two items of one at once).</summary>
internal readonly record struct MergeRequestKey(long ProjectId, int MergeRequestIid)
{
    /// <summary>The key of <paramref name="work"/>'s merge request.</summary>
    public static MergeRequestKey Of(WebhookWork work) => new(work.ProjectId, work.MergeRequestIid);
}
