using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Limits;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Mcp;

#pragma warning disable MCP9005 // Sampling is part of 2025-11-25, which these sessions speak.
public sealed class SamplingRelayTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_UpstreamSamplesDuringTheCall_TheCallingClientAnswersIt()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        CreateMessageRequestParams? asked = null;
        var handlers = new McpClientHandlers
        {
            SamplingHandler = (request, _, _) =>
            {
                asked = request;
                return ValueTask.FromResult(new CreateMessageResult { Model = "client-model", Role = Role.Assistant, Content = [new TextContentBlock { Text = "forty-two" }] });
            },
        };
        await using var client = await host.ConnectClientAsync(handlers, Token);
        await client.ListToolsAsync(cancellationToken: Token);

        var result = await client.CallToolAsync("up__ask", new Dictionary<string, object?> { ["question"] = "What is six times seven?" }, cancellationToken: Token);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("the model (client-model) said: forty-two", Text(result));
        Assert.Equal("What is six times seven?", Assert.IsType<TextContentBlock>(Assert.Single(Assert.Single(asked!.Messages).Content)).Text);
    }

    [Fact]
    public async Task Call_UpstreamElicitsDuringTheCall_TheCallingClientAnswersIt()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        var handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) => ValueTask.FromResult(new ElicitResult
            {
                Action = "accept",
                Content = new Dictionary<string, JsonElement> { ["ok"] = JsonSerializer.SerializeToElement(request?.Message == "Deploy?") },
            }),
        };
        await using var client = await host.ConnectClientAsync(handlers, Token);
        await client.ListToolsAsync(cancellationToken: Token);

        var result = await client.CallToolAsync("up__confirm", new Dictionary<string, object?> { ["message"] = "Deploy?" }, cancellationToken: Token);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("the user chose accept: True", Text(result));
    }

    [Fact]
    public async Task Call_CallingClientCannotSample_TheUpstreamGetsAnErrorSayingSo()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        await using var client = await host.ConnectClientAsync(Token);
        await client.ListToolsAsync(cancellationToken: Token);

        // The test upstream lets the failed request fail its tools/call; Tributary passes that error on.
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(async () =>
            await client.CallToolAsync("up__ask", new Dictionary<string, object?> { ["question"] = "Anyone?" }, cancellationToken: Token));

        Assert.EndsWith("MCP server 'up' asked for sampling, but the client calling its tool does not support sampling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_CallingClientNeverAnswersSampling_TheUpstreamGetsAnErrorAfterTheRelayTimeout()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        var variables = new Dictionary<string, string> { [LimitOptions.RelaySecondsVariable] = "1" };
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("up", upstream.Url), options => options with { ReadVariable = variables.GetValueOrDefault }, Token);
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlers = new McpClientHandlers
        {
            SamplingHandler = async (_, _, cancellationToken) =>
            {
                asked.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            },
        };
        await using var client = await host.ConnectClientAsync(handlers, Token);
        await client.ListToolsAsync(cancellationToken: Token);

        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(async () =>
            await client.CallToolAsync("up__ask", new Dictionary<string, object?> { ["question"] = "Anyone?" }, cancellationToken: Token));

        Assert.True(asked.Task.IsCompleted);
        Assert.EndsWith(
            "the client of Tributary did not answer sampling/createMessage from MCP server 'up' within 1 s (TRIBUTARY_RELAY_TIMEOUT_SECONDS), so Tributary gave up on it",
            error.Message,
            StringComparison.Ordinal);
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
