using System.Globalization;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Chat;
using Tributary.Agents.Review;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Does what a webhook asked: reviews the merge request with <see cref="MergeRequestReviewer"/> (incrementally, so a
/// push reviews what it changed) or answers the mention with <see cref="MentionResponder"/>. A failure is logged with
/// its reason; the review's state lives in GitLab, so the next push or a re-run repairs an interrupted one.
/// </summary>
internal sealed class AgentWebhookWorkHandler(MergeRequestReviewer reviewer, MentionResponder responder, ILogger<AgentWebhookWorkHandler> logger) : IWebhookWorkHandler
{
    /// <inheritdoc />
    public async Task HandleAsync(WebhookWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        string outcome = work switch
        {
            ReviewWork review => await ReviewAsync(review, cancellationToken),
            MentionWork mention => (await responder.AnswerAsync(
                new MentionRequest(mention.ProjectId, mention.MergeRequestIid, mention.NoteId, mention.DiscussionId, mention.Note, mention.AuthorId),
                cancellationToken)).Message,
            _ => throw new ArgumentException($"unknown webhook work {work.GetType().Name}", nameof(work)),
        };
        WebhookLog.WorkDone(logger, WorkKind.Of(work), work.MergeRequestIid, work.ProjectPath, work.ProjectId, outcome);
    }

    private async Task<string> ReviewAsync(ReviewWork work, CancellationToken cancellationToken)
    {
        var result = await reviewer.ReviewAsync(new ReviewRequest(work.ProjectId.ToString(CultureInfo.InvariantCulture), work.MergeRequestIid), progress: null, cancellationToken);
        return result.Message;
    }
}
