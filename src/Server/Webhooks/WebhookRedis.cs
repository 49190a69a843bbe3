using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Tributary.Server.Webhooks;

/// <summary>
/// The Redis that replicas share for webhook deliveries and merge request locks: the one the cache uses
/// (<c>cache.redis</c>, else <c>REDIS_URL</c>), connected on first use and closed with the host.
/// </summary>
internal sealed class WebhookRedis : IAsyncDisposable
{
    /// <summary>The prefix of every key written here.</summary>
    public const string KeyPrefix = "tributary:webhooks:";

    private readonly string? _configuration;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    /// <summary>Uses the configuration the cache registered (none when Redis is not configured).</summary>
    public WebhookRedis(IOptions<RedisCacheOptions> cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _configuration = cache.Value.Configuration is { Length: > 0 } configuration ? configuration : null;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(ConnectAsync);
    }

    /// <summary>Whether a Redis is configured; without one, everything stays in this process.</summary>
    public bool IsConfigured => _configuration is not null;

    /// <summary>The database, connecting first if needed; throws <see cref="RedisException"/> when it is unreachable.</summary>
    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var connection = await _connection.Value.WaitAsync(cancellationToken);
        return connection.GetDatabase();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }

    private Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(_configuration ?? throw new InvalidOperationException("Redis is not configured"));

        // Keep trying in the background when Redis is down at start; a command meanwhile fails after its timeout.
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
