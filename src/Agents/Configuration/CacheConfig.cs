namespace Tributary.Agents.Configuration;

/// <summary>
/// The <c>cache</c> section: where shared cached values (GitLab project ids, ...) live. With no Redis,
/// everything is cached in memory, per process.
/// </summary>
/// <param name="Redis">
/// The Redis connection (<c>host:port</c>, a StackExchange.Redis configuration string, or a <c>redis://</c> URL),
/// as written: it may hold <c>${VAR}</c>, expanded when the host starts. <see langword="null"/> when not set.
/// </param>
public sealed record CacheConfig(string? Redis)
{
    /// <summary>The variable read for Redis when the file has no <c>cache</c> section.</summary>
    public const string DefaultRedisVariable = "REDIS_URL";

    /// <summary>The settings used when the file has no <c>cache</c> section: Redis from <c>${REDIS_URL}</c> when that is set.</summary>
    public static CacheConfig Default { get; } = new("${" + DefaultRedisVariable + ":-}");
}
