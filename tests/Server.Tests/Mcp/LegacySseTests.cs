using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.Server.Tests.Mcp;

/// <summary>The C# SDK client in SSE mode against the legacy endpoint <c>/mcp/sse</c>, for clients of the 2024-11-05 transport.</summary>
[Collection(EverythingHostGroup.Name)]
public sealed class LegacySseTests(EverythingHost everything)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LegacySse_CSharpClient_ListsToolsAndCallsEcho()
    {
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = new Uri(everything.Host.BaseAddress, "/mcp/sse"), TransportMode = HttpTransportMode.Sse },
                everything.Host.Http),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: Token);

        var tools = await client.ListToolsAsync(cancellationToken: Token);
        var result = await client.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: Token);

        Assert.Contains(tools, t => t.Name == "everything__echo");
        Assert.Equal("Echo: hi", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }
}
