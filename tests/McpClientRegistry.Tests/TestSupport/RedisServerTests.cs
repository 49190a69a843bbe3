using StackExchange.Redis;
using Tributary.TestSupport.Redis;

namespace Tributary.McpClientRegistry.Tests.TestSupport;

public sealed class RedisServerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitForAnyKey_AKeyWrittenAfterTheWaitBegan_CompletesTheWait()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        var wait = redis.WaitForAnyKeyAsync(Token);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await Task.Delay(TimeSpan.FromMilliseconds(200), Token);
        Assert.False(wait.IsCompleted, "the database is empty, so the wait must still be pending");

        // What Microsoft.Extensions.Caching.StackExchangeRedis writes: a hash, then its expiry.
        await connection.GetDatabase().HashSetAsync("tributary:key", [new HashEntry("data", "42")]);

        await wait.WaitAsync(TimeSpan.FromSeconds(10), Token);
    }

    [Fact]
    public async Task WaitForAnyKey_AKeyAlreadyThere_CompletesAtOnce()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await connection.GetDatabase().StringSetAsync("tributary:key", "42");

        await redis.WaitForAnyKeyAsync(Token).WaitAsync(TimeSpan.FromSeconds(10), Token);
    }
}
