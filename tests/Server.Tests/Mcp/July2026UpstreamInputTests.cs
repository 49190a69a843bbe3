using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// A 2026-07-28 upstream that asks for input with <c>input_required</c>: the client of <c>/mcp</c> is asked in its own
/// revision (a request on its session, or an <c>input_required</c> of its own), and the upstream gets the answer on
/// the call sent again.
/// </summary>
public sealed class July2026UpstreamInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData(McpTestClient.July2026)]
    public async Task Call_UpstreamAnswersInputRequired_TheClientIsAskedAndTheCallCompletes(string protocolVersion)
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fresh", Stateless = true, IncludeConsentTool = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("fresh", upstream.Url), Token);
        var asked = new List<string>();
        var handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                asked.Add(request!.Message);
                return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["ok"] = JsonSerializer.SerializeToElement(true) } });
            },
        };
        await using var client = await McpTestClient.ConnectAsync(host.Http, protocolVersion, handlers, Token);

        var result = await client.CallToolAsync("fresh__consent", new Dictionary<string, object?> { ["message"] = "Proceed?" }, cancellationToken: Token);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("the user chose accept (state asked-once)", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal(["Proceed?"], asked);
        Assert.Equal(2, upstream.ToolCallCount);
    }

    [Fact]
    public async Task Call_UpstreamAnswersInputRequiredButTheClientCannotElicit_ToolErrorNamingTheServer()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fresh", Stateless = true, IncludeConsentTool = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("fresh", upstream.Url), Token);
        await using var client = await host.ConnectClientAsync(Token);

        var result = await client.CallToolAsync("fresh__consent", new Dictionary<string, object?> { ["message"] = "Proceed?" }, cancellationToken: Token);

        Assert.True(result.IsError);
        Assert.Equal(
            "MCP server 'fresh' asked for elicitation, but the client calling its tool does not support elicitation",
            Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal(1, upstream.ToolCallCount);
    }
}
