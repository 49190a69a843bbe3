namespace Tributary.Server.Webhooks;

/// <summary>The kind of a work item as answers, logs and metrics spell it: <c>review</c> or <c>mention</c>.</summary>
internal static class WorkKind
{
    /// <summary>The kind of <paramref name="work"/>.</summary>
    public static string Of(WebhookWork work) => work switch
    {
        ReviewWork => "review",
        MentionWork => "mention",
        _ => work.GetType().Name,
    };
}
