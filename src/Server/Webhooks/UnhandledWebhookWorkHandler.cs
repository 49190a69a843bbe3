using Microsoft.Extensions.Logging;

namespace Tributary.Server.Webhooks;

/// <summary>The handler until the review and chat flows register theirs: it logs that nothing was done.</summary>
internal sealed class UnhandledWebhookWorkHandler(ILogger<UnhandledWebhookWorkHandler> logger) : IWebhookWorkHandler
{
    /// <inheritdoc />
    public Task HandleAsync(WebhookWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        WebhookLog.NoHandler(logger, WorkKind.Of(work), work.MergeRequestIid, work.ProjectPath, work.ProjectId);
        return Task.CompletedTask;
    }
}
