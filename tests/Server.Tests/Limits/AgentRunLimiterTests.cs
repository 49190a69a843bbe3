using Microsoft.Extensions.Options;
using Tributary.Server.Limits;

namespace Tributary.Server.Tests.Limits;

public sealed class AgentRunLimiterTests
{
    [Fact]
    public async Task Acquire_RunsAndQueueFull_RefusedAtOnceAndTheWaitingOneRunsWhenAPlaceFrees()
    {
        await using var limiter = new AgentRunLimiter(Options.Create(new LimitOptions { AgentRuns = 1, AgentRunQueue = 1 }));
        var token = TestContext.Current.CancellationToken;

        using var running = await limiter.AcquireAsync(token);
        var waiting = limiter.AcquireAsync(token).AsTask();
        using var refused = await limiter.AcquireAsync(token);

        Assert.True(running.IsAcquired);
        Assert.False(waiting.IsCompleted);
        Assert.False(refused.IsAcquired);
        running.Dispose();
        using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), token);
        Assert.True(next.IsAcquired);
    }
}
