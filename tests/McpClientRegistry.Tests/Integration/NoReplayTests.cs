using ModelContextProtocol;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>A request that reached the upstream is never sent again, whatever happens after it.</summary>
public sealed class NoReplayTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_JsonRpcErrorThenPingNotImplemented_IsSentExactlyOnce()
    {
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "deploy", Tools = ["run"], ToolCallErrorCode = -32603, PingErrorCode = -32601, Output = output },
            Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  deploy:\n    url: {server.Url}\n", output);
        await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => registry.Catalog.CallToolAsync("deploy__run", null, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal(McpErrorCode.InternalError, error.ErrorCode);
        Assert.Equal(1, server.ToolCallCount);
        Assert.Equal(ServerState.Connected, registry.Health("deploy").State);
    }

    [Fact]
    public async Task CallTool_Timeout_IsSentOnceAndSaysItMayHaveRun()
    {
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "slow", Tools = [], IncludeHangTool = true, PingErrorCode = -32601, Output = output },
            Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  slow:\n    url: {server.Url}\n    timeout: 300ms\n", output);
        await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        var error = await Assert.ThrowsAsync<UpstreamException>(() => registry.Catalog.CallToolAsync("slow__hang", null, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal("server 'slow' did not answer tools/call 'hang' within 300ms (timeout); it may still have run, so it was not sent again", error.Message);
        await server.HangCancelled.WaitAsync(LiveRegistry.Bound, Token);
        Assert.Equal(1, server.ToolCallCount);
    }
}
