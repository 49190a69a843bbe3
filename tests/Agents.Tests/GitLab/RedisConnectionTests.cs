using Tributary.Agents.GitLab;

namespace Tributary.Agents.Tests.GitLab;

public sealed class RedisConnectionTests
{
    [Theory]
    [InlineData("127.0.0.1:6380", "127.0.0.1:6380")]
    [InlineData("redis.internal:6379,password=s3cret,ssl=true", "redis.internal:6379,password=s3cret,ssl=true")]
    [InlineData("redis://redis.internal", "redis.internal:6379")]
    [InlineData("redis://:p%40ss@redis.internal:6380/2", "redis.internal:6380,password=p@ss,defaultDatabase=2")]
    [InlineData("rediss://bot:pw@cache.example.com:6390", "cache.example.com:6390,user=bot,password=pw,ssl=true")]
    public void ToConfiguration_WhatUsersWrite_GivesAStackExchangeRedisString(string written, string expected)
    {
        Assert.Equal(expected, RedisConnection.ToConfiguration(written));
    }
}
