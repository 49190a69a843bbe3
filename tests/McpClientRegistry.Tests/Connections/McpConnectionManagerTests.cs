using System.Net.Http;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed partial class McpConnectionManagerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Constructor_NothingUsed_ConnectsNothing()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho(), new InMemoryUpstream("files").WithEcho());
        var (manager, _) = TestRegistry.Create(factory, servers: [TestRegistry.Http("docs"), TestRegistry.Http("files")]);
        await using var _ = manager;

        Assert.All(manager.GetHealth(), h => Assert.Equal(ServerState.Idle, h.State));
        Assert.Equal(0, factory["docs"].ConnectCount + factory["files"].ConnectCount);
    }

    [Fact]
    public async Task EnsureConnected_ConcurrentFirstUses_ShareOneConnect()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs") { ConnectGate = gate.Task }.WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;

        var calls = Enumerable.Range(0, 10).Select(i => catalog.CallToolAsync("docs__echo", new Dictionary<string, object?> { ["message"] = $"m{i}" }, CallContext.None, Token)).ToArray();
        Assert.Equal(ServerState.Connecting, manager.GetHealth()[0].State);
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1, factory["docs"].ConnectCount);
        Assert.Equal("docs echoes m7", Assert.IsType<TextContentBlock>(results[7].Content[0]).Text);
        Assert.Equal(ServerState.Connected, manager.GetHealth()[0].State);
        Assert.Equal(1, manager.GetHealth()[0].ToolCount);
    }

    [Fact]
    public async Task Invoke_DisabledServer_FailsWithoutConnecting()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho());
        var (manager, _) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs") with { Enabled = false });
        await using var _ = manager;

        var error = await Assert.ThrowsAsync<UpstreamException>(() => manager.InvokeAsync("docs", "ping", null, (c, t) => Task.FromResult(0), Token));

        Assert.Equal("server 'docs' is disabled (enabled: false in the registry)", error.Message);
        Assert.Equal(ServerState.Disabled, manager.GetHealth()[0].State);
        Assert.Equal(0, factory["docs"].ConnectCount);
    }

    [Fact]
    public async Task Connect_ServerRefuses_BacksOffThenRecovers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var upstream = new InMemoryUpstream("docs") { FailConnectWith = new HttpRequestException("Connection refused (docs.test:80)") }.WithEcho();
        await using var factory = new InMemoryUpstreamFactory(upstream);
        var (manager, catalog) = TestRegistry.Create(factory, time, servers: TestRegistry.Http("docs"));
        await using var _ = manager;
        var args = new Dictionary<string, object?> { ["message"] = "hi" };

        var first = await Assert.ThrowsAsync<UpstreamException>(() => manager.InvokeAsync("docs", "ping", null, (c, t) => Task.FromResult(0), Token));
        await Assert.ThrowsAsync<UpstreamException>(() => manager.InvokeAsync("docs", "ping", null, (c, t) => Task.FromResult(0), Token));
        var third = await Assert.ThrowsAsync<UpstreamException>(() => manager.InvokeAsync("docs", "ping", null, (c, t) => Task.FromResult(0), Token));

        Assert.Equal("server 'docs' is unreachable: Connection refused (docs.test:80)", first.Message);
        Assert.Matches(new Regex(@"^server 'docs' is unavailable, next connection attempt in (\d+ms|1(\.\d)?s); last error: Connection refused \(docs\.test:80\)$"), third.Message);
        Assert.Equal(2, upstream.ConnectCount);
        var health = manager.GetHealth()[0];
        Assert.Equal(ServerState.Failed, health.State);
        Assert.Equal("Connection refused (docs.test:80)", health.LastError);
        Assert.NotNull(health.NextAttempt);

        upstream.FailConnectWith = null;
        time.Advance(TimeSpan.FromSeconds(1.3));
        var result = await catalog.CallToolAsync("docs__echo", args, CallContext.None, Token);

        Assert.Equal("docs echoes hi", Assert.IsType<TextContentBlock>(result.Content[0]).Text);
        Assert.Equal(3, upstream.ConnectCount);
        Assert.Equal(ServerState.Connected, manager.GetHealth()[0].State);
        Assert.Null(manager.GetHealth()[0].LastError);
    }

    [Fact]
    public async Task Invoke_SessionDies_HealthFailsAndNextCallReconnects()
    {
        var upstream = new InMemoryUpstream("docs").WithEcho();
        await using var factory = new InMemoryUpstreamFactory(upstream);
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;
        var args = new Dictionary<string, object?> { ["message"] = "hi" };
        await catalog.CallToolAsync("docs__echo", args, CallContext.None, Token);
        var emptied = TestRegistry.NextSnapshot(catalog, s => s.Tools.Count == 0);

        await upstream.KillAsync();
        await emptied.WaitAsync(Token);

        Assert.Equal(ServerState.Failed, manager.GetHealth()[0].State);
        Assert.NotNull(manager.GetHealth()[0].LastError);
        var result = await catalog.CallToolAsync("docs__echo", args, CallContext.None, Token);
        Assert.Equal("docs echoes hi", Assert.IsType<TextContentBlock>(result.Content[0]).Text);
        Assert.Equal(2, upstream.ConnectCount);
        Assert.Equal(ServerState.Connected, manager.GetHealth()[0].State);
    }

    [Fact]
    public async Task CallTool_ConnectionDiesMidCall_FailsClearlyAndIsNotReplayed()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var upstream = new InMemoryUpstream("docs");
        upstream.Tools.Add(ModelContextProtocol.Server.McpServerTool.Create(
            async (CancellationToken token) =>
            {
                Interlocked.Increment(ref runs);
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            },
            new ModelContextProtocol.Server.McpServerToolCreateOptions { Name = "deploy" }));
        await using var factory = new InMemoryUpstreamFactory(upstream);
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;
        await catalog.GetAsync(Token);

        var call = catalog.CallToolAsync("docs__deploy", null, CallContext.None, Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        await upstream.KillAsync();
        var error = await Assert.ThrowsAsync<UpstreamException>(() => call);

        Assert.Equal(UpstreamFailureKind.ConnectionLost, error.Kind);
        Assert.Matches(
            new Regex("^server 'docs' lost its connection during tools/call 'deploy': .+; the request was not retried because it may already have run$"),
            error.Message);
        Assert.Equal(1, runs);
        Assert.Equal(1, upstream.ConnectCount);
        Assert.Equal(ServerState.Failed, manager.GetHealth()[0].State);
    }

    [Fact]
    public async Task ProbeAll_ChecksEachEnabledServerWithARequest()
    {
        var upstream = new InMemoryUpstream("docs").WithEcho();
        await using var factory = new InMemoryUpstreamFactory(upstream, new InMemoryUpstream("off").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("docs"), TestRegistry.Http("off") with { Enabled = false }]);
        await using var _ = manager;

        var fresh = await manager.ProbeAllAsync(Token);
        var emptied = TestRegistry.NextSnapshot(catalog, s => s.Tools.Count == 0);
        await upstream.KillAsync();
        await emptied;
        upstream.FailConnectWith = new HttpRequestException("Connection refused (docs.test:80)");
        var afterKill = await manager.ProbeAllAsync(Token);

        Assert.Equal([ServerState.Connected, ServerState.Disabled], fresh.Select(h => h.State));
        Assert.NotNull(fresh[0].Latency);
        Assert.NotNull(fresh[0].LastSuccess);
        Assert.Equal(1, fresh[0].ToolCount);
        Assert.Equal(0, factory["off"].ConnectCount);
        Assert.Equal(ServerState.Failed, afterKill[0].State);
        Assert.Equal("Connection refused (docs.test:80)", afterKill[0].LastError);
        Assert.Equal(2, upstream.ConnectCount);
    }

    [Fact]
    public async Task CallTool_UpstreamHangs_CutOffAtTimeoutWhileOthersAnswer()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("slow").WithHangingTool(), new InMemoryUpstream("fast").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("slow") with { Timeout = TimeSpan.FromMilliseconds(400) }, TestRegistry.Http("fast")]);
        await using var _ = manager;
        await catalog.GetAsync(Token);

        var hanging = catalog.CallToolAsync("slow__hang", null, CallContext.None, Token);
        var fast = await catalog.CallToolAsync("fast__echo", new Dictionary<string, object?> { ["message"] = "hi" }, CallContext.None, Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => hanging);

        Assert.False(hanging.IsCompletedSuccessfully);
        Assert.Equal("fast echoes hi", Assert.IsType<TextContentBlock>(fast.Content[0]).Text);
        Assert.Equal(UpstreamFailureKind.Timeout, error.Kind);
        Assert.Equal("server 'slow' did not answer tools/call 'hang' within 400ms (timeout); it may still have run, so it was not sent again", error.Message);
        Assert.Equal(ServerState.Connected, manager.GetHealth()[0].State);
    }

    [Fact]
    public async Task Connect_UpstreamNeverAnswers_CutOffAtConnectTimeoutWhileOthersAnswer()
    {
        var never = new TaskCompletionSource();
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("slow") { ConnectGate = never.Task }.WithEcho(), new InMemoryUpstream("fast").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("slow") with { ConnectTimeout = TimeSpan.FromMilliseconds(300) }, TestRegistry.Http("fast")]);
        await using var _ = manager;

        var slow = catalog.CallToolAsync("slow__echo", new Dictionary<string, object?> { ["message"] = "hi" }, CallContext.None, Token);
        var fast = await manager.InvokeAsync("fast", "tools/call", "echo", async (c, t) => await c.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: t), Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => slow);

        Assert.Equal("fast echoes hi", Assert.IsType<TextContentBlock>(fast.Content[0]).Text);
        Assert.Equal("no tool named 'slow__echo' is available: server 'slow' failed: no answer within 300ms (connect_timeout)", error.Message);
        var health = manager.GetHealth()[0];
        Assert.Equal(ServerState.Failed, health.State);
        Assert.Equal("no answer within 300ms (connect_timeout)", health.LastError);
    }

    [Fact]
    public async Task ListChanged_UpstreamAddsTool_CatalogRepublishes()
    {
        var upstream = new InMemoryUpstream("docs").WithEcho();
        await using var factory = new InMemoryUpstreamFactory(upstream);
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;
        await catalog.GetAsync(Token);
        var grown = TestRegistry.NextSnapshot(catalog, s => s.Tools.Count == 2);

        upstream.WithTool("search");
        var snapshot = await grown.WaitAsync(Token);

        Assert.Equal(["docs__echo", "docs__search"], snapshot.Tools.Select(t => t.Name));
        Assert.Equal(2, manager.GetHealth()[0].ToolCount);
        Assert.Equal(1, upstream.ConnectCount);
    }

    [Fact]
    public async Task StdioServerExits_RestartedAfterBackoff()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var upstream = new InMemoryUpstream("files").WithEcho();
        await using var factory = new InMemoryUpstreamFactory(upstream);
        var (manager, catalog) = TestRegistry.Create(factory, time, servers: TestRegistry.Stdio("files"));
        await using var _ = manager;
        await catalog.GetAsync(Token);
        var emptied = TestRegistry.NextSnapshot(catalog, s => s.Tools.Count == 0);
        var restored = TestRegistry.NextSnapshot(catalog, s => s.Tools.Count == 1);

        await upstream.KillAsync();
        await emptied.WaitAsync(Token);
        var failed = manager.GetHealth()[0];
        Assert.Equal(ServerState.Failed, failed.State);
        Assert.True(failed.NextAttempt > time.GetUtcNow());
        Assert.Equal(1, upstream.ConnectCount);

        time.Advance(TimeSpan.FromSeconds(1.3));
        await restored.WaitAsync(Token);

        Assert.Equal(2, upstream.ConnectCount);
        Assert.Equal(ServerState.Connected, manager.GetHealth()[0].State);
    }
}
