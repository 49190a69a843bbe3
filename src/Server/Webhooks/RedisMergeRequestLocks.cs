using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Merge request locks in Redis (<c>SET NX PX</c>, renewed while the work runs, released by compare-and-delete),
/// with a review-pending flag for reviews asked for on a replica while another works on the merge request.
/// While Redis is unreachable, work goes on serialized in this process only (and says so in the log).
/// </summary>
internal sealed class RedisMergeRequestLocks(
    WebhookRedis redis, IOptions<WebhookOptions> options, TimeProvider time, ILogger<RedisMergeRequestLocks> logger) : IMergeRequestLocks
{
    private static readonly LocalMergeRequestLocks s_local = new();

    // A pending review outlives a crashed holder's lock only by this much; the next push asks again anyway.
    private static readonly TimeSpan s_flagLifetime = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public async Task<IMergeRequestLease?> AcquireAsync(WebhookWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var settings = options.Value;
        var keys = Keys(work);
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var lease = Milliseconds(settings.LockLease);
        try
        {
            var database = await redis.GetDatabaseAsync(cancellationToken);
            if (work is ReviewWork)
            {
                var taken = (int)await database.ScriptEvaluateAsync(
                    RedisLockScripts.AcquireOrFlag, keys, [owner, lease, Milliseconds(s_flagLifetime), work.DeliveryId]);
                if (taken == 0)
                {
                    WebhookLog.ReviewHandedOver(logger, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
                    return null;
                }
            }
            else
            {
                var logged = false;
                while (!await database.StringSetAsync(keys[0], owner, settings.LockLease, When.NotExists))
                {
                    if (!logged)
                    {
                        WebhookLog.WaitingForReplica(logger, work.MergeRequestIid, work.ProjectPath, work.ProjectId);
                        logged = true;
                    }

                    await Task.Delay(settings.LockRetryInterval, time, cancellationToken);
                }
            }

            return RedisMergeRequestLease.Start(database, keys, owner, work, settings.LockLease, time, logger);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            WebhookLog.LockUnreachable(logger, work.MergeRequestIid, work.ProjectId, e.Message);
            return s_local;
        }
    }

    private static RedisKey[] Keys(WebhookWork work)
    {
        var mergeRequest = string.Create(CultureInfo.InvariantCulture, $"{WebhookRedis.KeyPrefix}mr:{work.ProjectId}:{work.MergeRequestIid}");
        return [mergeRequest + ":lock", mergeRequest + ":review-pending"];
    }

    private static long Milliseconds(TimeSpan span) => (long)span.TotalMilliseconds;
}
