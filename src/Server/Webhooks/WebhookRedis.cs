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
    private readonly Lock _gate = new();

    // Created on first use and touched by no member a host without Redis runs: a method that names it loads
    // StackExchange.Redis when it is compiled: about 0.6 MB of idle memory that such a host never uses.
    private Task<ConnectionMultiplexer>? _connection;

    /// <summary>Uses the configuration the cache registered (none when Redis is not configured).</summary>
    public WebhookRedis(IOptions<RedisCacheOptions> cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _configuration = cache.Value.Configuration is { Length: > 0 } configuration ? configuration : null;
    }

    /// <summary>Whether a Redis is configured; without one, everything stays in this process.</summary>
    public bool IsConfigured => _configuration is not null;

    /// <summary>The database, connecting first if needed; throws <see cref="RedisException"/> when it is unreachable.</summary>
    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        var connection = await Connection().WaitAsync(cancellationToken);
        return connection.GetDatabase();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => IsConfigured ? DisposeConnectionAsync() : ValueTask.CompletedTask;

    private async ValueTask DisposeConnectionAsync()
    {
        Task<ConnectionMultiplexer>? connection;
        lock (_gate)
        {
            connection = _connection;
        }

        if (connection is { IsCompletedSuccessfully: true })
        {
            await connection.Result.DisposeAsync();
        }
    }

    private Task<ConnectionMultiplexer> Connection()
    {
        lock (_gate)
        {
            return _connection ??= ConnectAsync();
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
