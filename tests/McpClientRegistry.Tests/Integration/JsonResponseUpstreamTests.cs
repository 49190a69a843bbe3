using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// A streamable HTTP server that answers each POST with one JSON body rather than an event stream (the TypeScript
/// SDK's <c>enableJsonResponse</c>, as many hosted servers run): Tributary reads tool calls' answers either way.
/// </summary>
public sealed class JsonResponseUpstreamTests(ITestOutputHelper output) : IAsyncLifetime
{
    private NodeProcess? _server;
    private Uri? _url;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        _server = NodeProcess.Start(
            new NodeCommand(
                NodeTools.SystemNode,
                ["--require", NodeTools.ExitWithParentPreloadScript, Path.Combine(NodeTools.NpmRoot, "scripts", "json-upstream.mjs")],
                new Dictionary<string, string> { ["PORT"] = port }),
            "json-upstream",
            output);
        _url = new Uri($"http://127.0.0.1:{port}/mcp");
        await McpProbe.WaitUntilReadyAsync(_url, HttpTransportMode.StreamableHttp, _server, TimeSpan.FromSeconds(30), "json-upstream", Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task CallTool_JsonAnswer_ArgumentsArriveAsSentAndTheResultComesBack()
    {
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  json:\n    url: {_url}\n", output);
        await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);
        using var arguments = JsonDocument.Parse("""{"message":"héllo \"quoted\"","nested":{"list":[1,2.5,null,true]}}""");

        var result = await registry.Catalog.CallToolAsync(
            "json__echo",
            arguments.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value),
            CallContext.None,
            Token).WaitAsync(LiveRegistry.Bound, Token);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("""Echo: {"message":"héllo \"quoted\"","nested":{"list":[1,2.5,null,true]}}""", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task CallTool_JsonRpcErrorAnswer_FailsWithTheServersErrorAndTheSessionStays()
    {
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  json:\n    url: {_url}\n", output);
        await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => registry.Catalog.CallToolAsync("json__refuse", null, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal("Request failed (remote): MCP error -32001: refused on purpose", error.Message);
        Assert.Equal((McpErrorCode)(-32001), error.ErrorCode);
        Assert.Equal(ServerState.Connected, registry.Health("json").State);
        var echoed = await registry.Catalog.CallToolAsync("json__echo", null, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token);
        Assert.Equal("Echo: undefined", Assert.IsType<TextContentBlock>(Assert.Single(echoed.Content)).Text);
    }
}
