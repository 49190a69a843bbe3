using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Tests.Integration;
using Tributary.TestSupport.Diagnostics;

namespace Tributary.McpClientRegistry.Tests.Connections;

/// <summary>Background work is owned: disposal cancels it and waits for it (bounded), and its failures are logged, never unobserved.</summary>
public sealed class BackgroundWorkTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_WorkInFlight_ReturnsOnlyAfterTheWorkEnded()
    {
        var work = new BackgroundWork("up", NullLogger.Instance, TimeProvider.System);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = false;
        work.Start("keep-alive pings", async token =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                cancelled.SetResult();
                await release.Task;
                ended = true;
            }
        });

        var disposing = work.DisposeAsync().AsTask();
        await cancelled.Task.WaitAsync(s_bound, Token);

        Assert.False(disposing.IsCompleted, "DisposeAsync returned while the work was still ending");
        release.SetResult();
        await disposing.WaitAsync(s_bound, Token);
        Assert.True(ended);
        Assert.Empty(work.Running);
    }

    [Fact]
    public async Task DisposeAsync_WorkStartsMoreWorkWhileEnding_WaitsForThatToo()
    {
        var work = new BackgroundWork("up", NullLogger.Instance, TimeProvider.System);
        var closing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Start("session watch", async token =>
        {
            await Task.Delay(Timeout.Infinite, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            work.Start("close", async _ =>
            {
                closing.SetResult();
                await release.Task;
            });
        });

        var disposing = work.DisposeAsync().AsTask();
        await closing.Task.WaitAsync(s_bound, Token);

        Assert.False(disposing.IsCompleted, "DisposeAsync returned while work started during shutdown was still running");
        // "session watch" may still be leaving the list: it returns right after starting "close".
        Assert.Contains("close", work.Running);
        release.SetResult();
        await disposing.WaitAsync(s_bound, Token);
        Assert.Empty(work.Running);
    }

    [Fact]
    public async Task DisposeAsync_WorkIgnoresCancellation_GivesUpAfterTheBoundAndSaysSo()
    {
        var logs = new CapturedLogs();
        var work = new BackgroundWork("up", logs.CreateLogger("test"), TimeProvider.System) { StopBound = TimeSpan.FromMilliseconds(100) };
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Start("session watch", _ => hung.Task);

        await work.DisposeAsync().AsTask().WaitAsync(s_bound, Token);

        Assert.Equal(["session watch"], work.Running);
        Assert.Equal(
            ["[Warning] test: Background work 'session watch' of MCP server up was still running 100ms after shutdown began; it is left to end by itself"],
            logs.Entries.Select(e => e.TrimEnd()));
        hung.SetResult();
    }

    [Fact]
    public async Task Start_WorkFails_FailureIsLoggedWithoutSecrets()
    {
        var logs = new CapturedLogs();
        var work = new BackgroundWork("up", logs.CreateLogger("test"), TimeProvider.System, text => text.Replace("s3cret", "[redacted]", StringComparison.Ordinal));
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Start("list refresh", _ =>
        {
            failed.SetResult();
            throw new InvalidOperationException("token s3cret was refused");
        });

        await failed.Task.WaitAsync(s_bound, Token);
        await work.DisposeAsync();

        Assert.Equal(
            ["[Error] test: Background work 'list refresh' of MCP server up failed: token [redacted] was refused"],
            logs.Entries.Select(e => e.TrimEnd()));
    }

    [Fact]
    public async Task Start_AfterDisposal_DoesNotRun()
    {
        var work = new BackgroundWork("up", NullLogger.Instance, TimeProvider.System);
        await work.DisposeAsync();
        var ran = false;

        work.Start("restart", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.Empty(work.Running);
        Assert.False(ran);
        // Thrown at once, not in the task: the caller must not wait for work that will never run.
        Assert.Throws<ObjectDisposedException>(() => { _ = work.Run("connect", _ => Task.FromResult(1)); });
    }

    [Fact]
    public async Task Run_EveryCallerGaveUp_ItsFailureIsNotLeftUnobserved()
    {
        using var watch = UnobservedTaskExceptions.Watch();
        var work = new BackgroundWork("up", NullLogger.Instance, TimeProvider.System);
        var failing = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = StartAndAbandon(work, failing.Task);
        failing.SetException(new InvalidOperationException("connecting failed after every caller left"));
        await ended.WaitAsync(s_bound, Token);
        await work.DisposeAsync();

        // Other tests run meanwhile: only this test's exception counts.
        Assert.DoesNotContain(watch.CollectNow(), e => e.InnerException?.Message == "connecting failed after every caller left");
    }

    // Out of line, so no local of the test method keeps the abandoned task reachable; what is returned says when it
    // ended, without holding it (a continuation lets go of its antecedent once it runs) or looking at its exception.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task StartAndAbandon(BackgroundWork work, Task<int> outcome) =>
        work.Run("connect", async _ => await outcome).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
