using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Runs the queued webhook work with <see cref="WebhookOptions.Workers"/> loops, one item per merge request at a
/// time (across replicas too, through <see cref="IMergeRequestLocks"/>). A failing item is logged with its project
/// and merge request and the loop goes on. On shutdown it takes no more work, reports every item that had not
/// started, lets running ones finish until the host's shutdown timeout, then cancels them and reports them.
/// </summary>
internal sealed partial class WebhookWorkers(
    WebhookWorkQueue queue,
    IWebhookWorkHandler handler,
    IMergeRequestLocks locks,
    IDeliveryLedger ledger,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookWorkers> logger) : BackgroundService
{
    // Cancelled when the shutdown timeout has passed: what still runs is cancelled then.
    private readonly CancellationTokenSource _abort = new();

    /// <inheritdoc />
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }

        WebhookLog.On(logger, settings.Workers, settings.QueueCapacity, locks is LocalMergeRequestLocks ? "this process" : "Redis");
        return Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => RunLoopAsync(stoppingToken)));
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Ready.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && queue.Ready.TryRead(out var key))
                {
                    if (queue.TryStart(key, out var item))
                    {
                        try
                        {
                            await RunAsync(item.Work);
                        }
                        finally
                        {
                            queue.Finish(key);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what had not started was reported by StopAsync.
        }
    }

    private async Task RunAsync(WebhookWork work)
    {
        var kind = WorkKind.Of(work);
        IMergeRequestLease? lease;
        try
        {
            lease = await locks.AcquireAsync(work, _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            WebhookLog.CancelledAtShutdown(logger, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
            return;
        }

        if (lease is null)
        {
            return;
        }

        using (lease)
        {
            try
            {
                await HandleAsync(work, kind, lease.Lost);
            }
            finally
            {
                if (await lease.ReleaseAsync(CancellationToken.None) is { } pendingDelivery)
                {
                    FollowUp(work, pendingDelivery);
                }
            }
        }
    }

    private async Task HandleAsync(WebhookWork work, string kind, CancellationToken lost)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token, lost);
        var started = time.GetTimestamp();
        WebhookLog.Starting(logger, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
        try
        {
            await handler.HandleAsync(work, cancellation.Token);
            WebhookLog.Finished(logger, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, (long)time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            WebhookLog.CancelledAtShutdown(logger, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
        }
#pragma warning disable CA1031 // One item's failure, whatever it is, must not end the loop that runs all the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            WebhookLog.Failed(logger, e, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
        }
    }

    private void FollowUp(WebhookWork finished, string deliveryId)
    {
        var review = new ReviewWork(finished.ProjectId, finished.ProjectPath, finished.MergeRequestIid, deliveryId);
        if (queue.EnqueueFollowUp(review) == EnqueueOutcome.Queued)
        {
            WebhookLog.FollowUpReview(logger, review.MergeRequestIid, review.ProjectPath, review.ProjectId);
        }
        else if (queue.IsStopped)
        {
            WebhookLog.Abandoned(logger, "review", review.MergeRequestIid, review.ProjectPath, review.ProjectId, review.DeliveryId);
        }
    }
}
