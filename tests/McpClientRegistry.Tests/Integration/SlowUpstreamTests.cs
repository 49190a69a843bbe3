using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>An upstream that never answers, or a tool that never returns, costs only itself.</summary>
public sealed class SlowUpstreamTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, object?> s_hi = new() { ["message"] = "hi" };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_OneServerNeverAnswers_ListsTheOtherAndFailsItAfterConnectTimeout()
    {
        await using var hung = HungServer.Start();
        await using var fast = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fast" }, Token);
        await using var registry = LiveRegistry.Create(TwoServers(hung.Url, "connect_timeout: 500ms", fast), output);

        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => registry.CallTextAsync("hung__anything", null, Token));

        Assert.Equal(["fast__echo"], snapshot.Tools.Select(t => t.Name));
        Assert.True(hung.ConnectionCount > 0);
        var health = registry.Health("hung");
        Assert.Equal(ServerState.Failed, health.State);
        Assert.Equal("no answer within 500ms (connect_timeout)", health.LastError);
        Assert.Equal(UpstreamFailureKind.Unavailable, error.Kind);
        Assert.Equal("no tool named 'hung__anything' is available: server 'hung' failed: no answer within 500ms (connect_timeout)", error.Message);
        Assert.Equal(ServerState.Connected, registry.Health("fast").State);
    }

    [Fact]
    public async Task Invoke_ServerNeverAnswers_TimesOutWithExactMessage()
    {
        await using var hung = HungServer.Start();
        await using var fast = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fast" }, Token);
        await using var registry = LiveRegistry.Create(TwoServers(hung.Url, "connect_timeout: 500ms", fast), output);

        var error = await Assert.ThrowsAsync<UpstreamException>(
            () => registry.Manager.InvokeAsync("hung", "ping", null, async (client, token) => await client.PingAsync(cancellationToken: token), Token)
                .WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal(UpstreamFailureKind.Timeout, error.Kind);
        Assert.Equal("server 'hung' did not finish connecting: no answer within 500ms (connect_timeout)", error.Message);
    }

    [Fact]
    public async Task CallTool_WhileAnotherServerIsStillConnecting_Succeeds()
    {
        await using var hung = HungServer.Start();
        await using var fast = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fast" }, Token);
        // Long enough that the hung server is certainly still connecting during the call.
        await using var registry = LiveRegistry.Create(TwoServers(hung.Url, "connect_timeout: 60s", fast), output);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var listing = registry.Catalog.GetAsync(giveUp.Token);
        await registry.WaitForHealthAsync("hung", h => h.State == ServerState.Connecting, Token);

        var text = await registry.CallTextAsync("fast__echo", s_hi, Token);

        Assert.Equal("fast:echo:{\"message\":\"hi\"}", text);
        Assert.Equal(ServerState.Connecting, registry.Health("hung").State);
        Assert.False(listing.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing.WaitAsync(LiveRegistry.Bound, Token));
        // Disposing must not wait for the hung connect to run out its 60 s.
        await registry.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token);
    }

    [Fact]
    public async Task CallTool_ToolNeverReturns_TimesOutWhileOtherServersAnswer()
    {
        await using var slow = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "slow", IncludeHangTool = true }, Token);
        await using var fast = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fast" }, Token);
        await using var registry = LiveRegistry.Create(
            $"""
            mcp_servers:
              slow:
                url: {slow.Url}
                timeout: 500ms
              fast:
                url: {fast.Url}
            """,
            output);
        await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        var hang = registry.Catalog.CallToolAsync("slow__hang", null, CallContext.None, Token);
        var processing = await slow.HangStarted.WaitAsync(LiveRegistry.Bound, Token);
        var text = await registry.CallTextAsync("fast__echo", s_hi, Token);
        var stillHanging = !hang.IsCompleted;
        var error = await Assert.ThrowsAsync<UpstreamException>(() => hang.WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal("fast:echo:{\"message\":\"hi\"}", text);
        Assert.True(stillHanging, "the hang call ended before the concurrent call to another server returned");
        Assert.Equal(UpstreamFailureKind.Timeout, error.Kind);
        Assert.Equal("server 'slow' did not answer tools/call 'hang' within 500ms (timeout); it may still have run, so it was not sent again", error.Message);
        // The upstream is told to stop the timed-out request, and the session survives it.
        Assert.Equal(processing, await slow.CancelledNotificationReceived.WaitAsync(LiveRegistry.Bound, Token));
        await slow.HangCancelled.WaitAsync(LiveRegistry.Bound, Token);
        Assert.Equal(ServerState.Connected, registry.Health("slow").State);
        Assert.Equal("slow:echo:{}", await registry.CallTextAsync("slow__echo", null, Token));
    }

    private static string TwoServers(Uri hungUrl, string hungSetting, TestMcpServer fast) => $"""
        mcp_servers:
          hung:
            url: {hungUrl}
            {hungSetting}
          fast:
            url: {fast.Url}
        """;
}
