using Microsoft.Extensions.Time.Testing;
using Tributary.Server.Health;

namespace Tributary.Server.Tests.Health;

public sealed class CoalescedProbeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_ConcurrentCallers_ShareOneRound()
    {
        var time = new FakeTimeProvider();
        await using var probe = new CoalescedProbe<int>(time, HealthProbeOptions.Default);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int rounds = 0;

        var callers = Enumerable.Range(0, 10).Select(_ => probe.RunAsync(async token => { await release.Task; return Interlocked.Increment(ref rounds); }, Token)).ToArray();
        release.SetResult();

        Assert.Equal(Enumerable.Repeat(1, 10), await Task.WhenAll(callers));
        Assert.Equal(1, rounds);
    }

    [Fact]
    public async Task Run_WithinTheWindow_ReusesTheResultThenRunsAgain()
    {
        var time = new FakeTimeProvider();
        await using var probe = new CoalescedProbe<int>(time, HealthProbeOptions.Default);
        int rounds = 0;
        Task<int> Round(CancellationToken token) => Task.FromResult(Interlocked.Increment(ref rounds));

        int first = await probe.RunAsync(Round, Token);
        time.Advance(HealthProbe.ReuseFor - TimeSpan.FromMilliseconds(1));
        int reused = await probe.RunAsync(Round, Token);
        time.Advance(TimeSpan.FromMilliseconds(1));
        int fresh = await probe.RunAsync(Round, Token);

        Assert.Equal((1, 1, 2), (first, reused, fresh));
    }

    [Fact]
    public async Task Run_OneCallerGivesUp_TheRoundGoesOnForTheOthers()
    {
        var time = new FakeTimeProvider();
        await using var probe = new CoalescedProbe<string>(time, HealthProbeOptions.Default);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var impatient = CancellationTokenSource.CreateLinkedTokenSource(Token);
        async Task<string> Round(CancellationToken token)
        {
            await release.Task.WaitAsync(token);
            return "done";
        }

        var leaving = probe.RunAsync(Round, impatient.Token);
        var staying = probe.RunAsync(Round, Token);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        release.SetResult();

        Assert.Equal("done", await staying);
    }
}
