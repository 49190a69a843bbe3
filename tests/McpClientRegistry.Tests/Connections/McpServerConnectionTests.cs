using Microsoft.Extensions.Time.Testing;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Tests.Connections;

/// <summary>A connection's background loops belong to it: disposing the manager ends each kind and waits for it.</summary>
public sealed class McpServerConnectionTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FakeTimeProvider NewClock() => new(DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task DisposeAsync_Connected_SessionWatchAndKeepAliveEndBeforeItReturns()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho());
        var (manager, _) = TestRegistry.Create(factory, NewClock(), servers: TestRegistry.Http("docs"));
        var connection = manager.Get("docs");
        await manager.ConnectAsync("docs", Token);
        Assert.Contains("session watch", connection.Background.Running);
        Assert.Contains("keep-alive pings", connection.Background.Running);

        await manager.DisposeAsync().AsTask().WaitAsync(s_bound, Token);

        Assert.Empty(connection.Background.Running);
    }

    [Fact]
    public async Task DisposeAsync_StdioServerWaitingToRestart_RestartEndsAndNothingStartsAgain()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("files").WithEcho());
        var (manager, _) = TestRegistry.Create(factory, NewClock(), servers: TestRegistry.Stdio("files"));
        var connection = manager.Get("files");
        await manager.ConnectAsync("files", Token);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        manager.ServerListingChanged += _ =>
        {
            if (manager.GetHealth()[0].State == ServerState.Failed)
            {
                ended.TrySetResult();
            }
        };

        await factory["files"].KillAsync();
        await ended.Task.WaitAsync(s_bound, Token);
        // The restart waits out its backoff on a clock that never moves.
        Assert.Contains("restart", connection.Background.Running);

        await manager.DisposeAsync().AsTask().WaitAsync(s_bound, Token);

        Assert.Empty(connection.Background.Running);
        Assert.Equal(1, factory["files"].ConnectCount);
    }

    [Fact]
    public async Task DisposeAsync_ConnectAttemptEveryCallerGaveUpOn_EndsBeforeItReturns()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs") { ConnectGate = never.Task }.WithEcho());
        var (manager, _) = TestRegistry.Create(factory, NewClock(), servers: TestRegistry.Http("docs"));
        var connection = manager.Get("docs");
        using (var impatient = CancellationTokenSource.CreateLinkedTokenSource(Token))
        {
            var connecting = manager.ConnectAsync("docs", impatient.Token);
            await impatient.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
        }

        Assert.Equal(["connect"], connection.Background.Running);

        await manager.DisposeAsync().AsTask().WaitAsync(s_bound, Token);

        Assert.Empty(connection.Background.Running);
    }
}
