using ModelContextProtocol.Client;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// A client of <c>/mcp</c> abandons a call in flight: the upstream receives <c>notifications/cancelled</c>
/// for the very request it is processing, and its handler is cancelled.
/// </summary>
public sealed class CancellationForwardingTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The C# client cancels by dropping its POST (no notifications/cancelled); the TypeScript client's
    // notifications/cancelled is covered by TypeScriptClientCancellationTests. Not covered: legacy SSE
    // upstreams, to which SDK 2.3.1 sends no notifications/cancelled either.
    [Fact]
    public async Task CancelCall_ClientDropsItsPost_UpstreamGetsCancelledForItsRequestId()
    {
        await using var upstream = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "up", IncludeHangTool = true, Output = TestContext.Current.TestOutputHelper },
            Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        await using var client = await host.ConnectClientAsync(Token);
        await client.ListToolsAsync(cancellationToken: Token);
        using var callCancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var call = client.CallToolAsync("up__hang", cancellationToken: callCancellation.Token).AsTask();
        var processing = await upstream.HangStarted.WaitAsync(s_bound, Token);
        await callCancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var cancelled = await upstream.CancelledNotificationReceived.WaitAsync(s_bound, Token);
        await upstream.HangCancelled.WaitAsync(s_bound, Token);

        Assert.Equal(processing, cancelled);
        Assert.Equal("up:echo:{}", await EchoTextAsync(client));
    }

    private static async Task<string> EchoTextAsync(McpClient client)
    {
        var result = await client.CallToolAsync("up__echo", cancellationToken: Token);
        return Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(result.Content)).Text;
    }
}
