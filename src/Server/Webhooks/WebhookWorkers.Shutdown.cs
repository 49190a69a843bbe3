namespace Tributary.Server.Webhooks;

/// <summary>Stopping: nothing new, the waiting items reported, the running ones given until the shutdown timeout.</summary>
internal sealed partial class WebhookWorkers
{
    // How long cancelled items get to end once the shutdown timeout has passed.
    private static readonly TimeSpan s_abortGrace = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var item in queue.Stop())
        {
            var work = item.Work;
            WebhookLog.Abandoned(logger, WorkKind.Of(work), work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
            await ForgetAsync(item);
        }

        await using var abortAtTimeout = cancellationToken.Register(_abort.Cancel);
        try
        {
            await base.StopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown timeout passed; the running items were cancelled.
        }

        // Cancelled items end quickly; waiting for them lets each report itself before logging goes away.
        if (ExecuteTask is { IsCompleted: false } running)
        {
            try
            {
                await running.WaitAsync(s_abortGrace, time, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // A handler that ignores cancellation: the host stops without waiting for it any longer.
            }
        }
    }

    private async Task ForgetAsync(QueuedWork item)
    {
        try
        {
            await ledger.ReleaseAsync(item.DeliveryKeys, CancellationToken.None);
        }
#pragma warning disable CA1031 // Best effort: the item was already reported; a resend would then count as a duplicate.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
