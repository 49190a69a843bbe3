using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Deliveries remembered in Redis (<c>SET key NX EX</c>), so every replica sharing it does a delivery once;
/// while Redis is unreachable, in this process (<paramref name="fallback"/>), which is better than refusing work.
/// </summary>
internal sealed class RedisDeliveryLedger(WebhookRedis redis, MemoryDeliveryLedger fallback, IOptions<WebhookOptions> options, ILogger<RedisDeliveryLedger> logger) : IDeliveryLedger
{
    private const string Prefix = WebhookRedis.KeyPrefix + "delivery:";

    /// <inheritdoc />
    public async ValueTask<bool> TryClaimAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        try
        {
            var database = await redis.GetDatabaseAsync(cancellationToken);
            var claimed = new List<string>(keys.Count);
            foreach (var key in keys)
            {
                if (!await database.StringSetAsync(Prefix + key, "1", options.Value.DeliveryMemory, When.NotExists))
                {
                    // Received before: give back what this call took, so the ledger is as it was.
                    await Release(database, claimed);
                    return false;
                }

                claimed.Add(key);
            }

            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            WebhookLog.DeliveryStoreUnreachable(logger, e.Message);
            return await fallback.TryClaimAsync(keys, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await fallback.ReleaseAsync(keys, cancellationToken);
        try
        {
            await Release(await redis.GetDatabaseAsync(cancellationToken), keys);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            WebhookLog.DeliveryStoreUnreachable(logger, e.Message);
        }
    }

    private static Task Release(IDatabase database, IReadOnlyList<string> keys) =>
        keys.Count == 0 ? Task.CompletedTask : database.KeyDeleteAsync([.. keys.Select(key => (RedisKey)(Prefix + key))]);
}
