using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Tributary.Server.Webhooks;

/// <summary>
/// A hold on a merge request in Redis, renewed every third of its lease by a loop this lease owns and awaits when
/// it is released. If a renewal finds the lock gone (it expired), <see cref="Lost"/> is cancelled.
/// </summary>
internal sealed class RedisMergeRequestLease : IMergeRequestLease
{
    private readonly IDatabase _database;
    private readonly RedisKey[] _keys;
    private readonly string _owner;
    private readonly WebhookWork _work;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private Task _renewing = Task.CompletedTask;

    private RedisMergeRequestLease(IDatabase database, RedisKey[] keys, string owner, WebhookWork work, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _database = database;
        _keys = keys;
        _owner = owner;
        _work = work;
        _lease = lease;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public CancellationToken Lost => _lost.Token;

    /// <summary>A lease on a lock just taken, renewing from now on.</summary>
    public static RedisMergeRequestLease Start(IDatabase database, RedisKey[] keys, string owner, WebhookWork work, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        var started = new RedisMergeRequestLease(database, keys, owner, work, lease, time, logger);
        started._renewing = started.RenewAsync(started._stopRenewing.Token);
        return started;
    }

    /// <inheritdoc />
    public async Task<string?> ReleaseAsync(CancellationToken cancellationToken)
    {
        await _stopRenewing.CancelAsync();
        await _renewing;
        try
        {
            var pending = await _database.ScriptEvaluateAsync(RedisLockScripts.Release, [_keys[0], _keys[1]], [_owner]);
            return pending.IsNull ? null : (string?)pending;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The lock expires by itself after its lease; a review flagged meanwhile waits for the next holder.
            WebhookLog.LockUnreachable(_logger, _work.MergeRequestIid, _work.ProjectId, e.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lost.Dispose();
        _stopRenewing.Dispose();
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_lease / 3, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if ((int)await _database.ScriptEvaluateAsync(RedisLockScripts.Renew, [_keys[0]], [_owner, (long)_lease.TotalMilliseconds]) == 0)
                    {
                        WebhookLog.LockLost(_logger, _work.MergeRequestIid, _work.ProjectId);
                        await _lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // Try again at the next tick; the lease has two more thirds to go.
                    WebhookLog.LockUnreachable(_logger, _work.MergeRequestIid, _work.ProjectId, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Released.
        }
    }
}
