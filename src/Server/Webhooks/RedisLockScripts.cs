namespace Tributary.Server.Webhooks;

/// <summary>
/// The Lua scripts of the merge request lock (KEYS[1] the lock, KEYS[2] the review-pending flag). Each runs
/// atomically, which is what makes the flag safe: it is only ever set while someone holds the lock, and the
/// holder reads and clears it in the same step as it lets go, so a review asked for meanwhile is never lost.
/// </summary>
internal static class RedisLockScripts
{
    /// <summary>
    /// Take the lock for a review (ARGV: owner, lease ms, flag ms, delivery id): 1 taken (an old flag is cleared,
    /// this review covers it); 0 held elsewhere, and the flag now asks the holder for one more review.
    /// </summary>
    public const string AcquireOrFlag = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          redis.call('DEL', KEYS[2])
          return 1
        end
        redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
        return 0
        """;

    /// <summary>Extend the lock while its owner (ARGV[1]) works (ARGV[2] ms): 1 extended, 0 no longer the owner's.</summary>
    public const string Renew = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        return 0
        """;

    /// <summary>
    /// Let go (compare and delete, ARGV[1] the owner): the pending review's delivery id, taken and cleared, or nil
    /// (none pending, or the lock was no longer the owner's, whose flag the new holder will see).
    /// </summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return false
        end
        redis.call('DEL', KEYS[1])
        local pending = redis.call('GET', KEYS[2])
        if pending then
          redis.call('DEL', KEYS[2])
        end
        return pending
        """;
}
