using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Mcp;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// The C# SDK client speaking 2026-07-28 on <c>/mcp</c>: no initialize and no session, each request served on its own
/// on the endpoint that still gives 2025-11-25 clients their sessions.
/// </summary>
[Collection(EverythingHostGroup.Name)]
public sealed class July2026ClientTests(EverythingHost everything)
{
    private static readonly TimeSpan s_eventBound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListCallReadGet_EverythingOverStdio_SameCatalogAsASessionAndNoSessionKept()
    {
        var sessions = everything.Host.Services.GetRequiredService<DownstreamSessions>();
        int sessionsBefore = sessions.Count;
        await using var client = await McpTestClient.ConnectAsync(everything.Host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);
        await using var session = await everything.Host.ConnectClientAsync(Token);

        var tools = await client.ListToolsAsync(cancellationToken: Token);
        var echo = await client.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: Token);
        var resources = await client.ListResourcesAsync(cancellationToken: Token);
        var document = await client.ReadResourceAsync("demo://resource/static/document/features.md", cancellationToken: Token);
        var prompts = await client.ListPromptsAsync(cancellationToken: Token);
        var prompt = await client.GetPromptAsync("everything__simple-prompt", cancellationToken: Token);

        Assert.Equal(McpTestClient.July2026, client.NegotiatedProtocolVersion);
        Assert.Null(client.SessionId);
        Assert.Equal("2025-11-25", session.NegotiatedProtocolVersion);
        Assert.Equal(Names(await session.ListToolsAsync(cancellationToken: Token), t => t.Name), Names(tools, t => t.Name));
        Assert.Equal(Names(await session.ListResourcesAsync(cancellationToken: Token), r => r.Uri), Names(resources, r => r.Uri));
        Assert.Equal(Names(await session.ListPromptsAsync(cancellationToken: Token), p => p.Name), Names(prompts, p => p.Name));
        Assert.NotEqual(true, echo.IsError);
        Assert.Equal("Echo: hi", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(document.Contents));
        Assert.Equal("text/markdown", text.MimeType);
        Assert.StartsWith("# ", text.Text, StringComparison.Ordinal);
        var message = Assert.Single(prompt.Messages);
        Assert.Equal("This is a simple prompt without arguments.", Assert.IsType<TextContentBlock>(message.Content).Text);

        // Only the 2025-11-25 client holds a session: the 2026-07-28 requests left nothing behind.
        Assert.Equal(sessionsBefore + 1, sessions.Count);
    }

    [Fact]
    public async Task CallAndGet_UpstreamUnreachable_ErrorsNameTheServer()
    {
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("gone", HealthEndpointTests.DeadUrl(FreePort.Next())), Token);
        await using var client = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await client.GetPromptAsync("gone__anything", cancellationToken: Token));
        var result = await client.CallToolAsync("gone__anything", cancellationToken: Token);

        Assert.Contains("no prompt named 'gone__anything' is available: server 'gone'", error.Message, StringComparison.Ordinal);
        Assert.True(result.IsError);
        Assert.Contains("server 'gone'", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        Assert.Equal(0, host.Services.GetRequiredService<DownstreamSessions>().Count);
    }

    // As McpEndpointTests.CancelCall_ClientDropsItsPost_UpstreamGetsCancelledForItsRequestId, but over a real socket:
    // under TestServer the dropped per-request POST comes back as a 499 response instead of a cancellation.
    [Fact]
    public async Task CancelCall_ClientDropsItsPost_UpstreamGetsCancelledAndTheNextCallWorks()
    {
        await using var upstream = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "up", IncludeHangTool = true, Output = TestContext.Current.TestOutputHelper },
            Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        await using var client = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);
        await client.ListToolsAsync(cancellationToken: Token);
        using var callCancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var call = client.CallToolAsync("up__hang", cancellationToken: callCancellation.Token).AsTask();
        var processing = await upstream.HangStarted.WaitAsync(s_eventBound, Token);
        await callCancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var cancelled = await upstream.CancelledNotificationReceived.WaitAsync(s_eventBound, Token);
        await upstream.HangCancelled.WaitAsync(s_eventBound, Token);
        var echo = await client.CallToolAsync("up__echo", cancellationToken: Token);

        Assert.Equal(processing, cancelled);
        Assert.Equal("up:echo:{}", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
        Assert.Equal(0, host.Services.GetRequiredService<DownstreamSessions>().Count);
    }

    [Fact]
    public async Task Call_StatelessUpstreamRestartedBetweenCalls_BothAnsweredAcross2026EndToEnd()
    {
        await using var upstream = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "fresh", Stateless = true, Output = TestContext.Current.TestOutputHelper }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("fresh", upstream.Url), Token);
        await using var client = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);

        var before = await client.CallToolAsync("fresh__echo", new Dictionary<string, object?> { ["n"] = 1 }, cancellationToken: Token);
        await upstream.RestartAsync(Token);
        var after = await client.CallToolAsync("fresh__echo", new Dictionary<string, object?> { ["n"] = 2 }, cancellationToken: Token);

        Assert.Equal("fresh:echo:{\"n\":1}", Assert.IsType<TextContentBlock>(Assert.Single(before.Content)).Text);
        Assert.Equal("fresh:echo:{\"n\":2}", Assert.IsType<TextContentBlock>(Assert.Single(after.Content)).Text);
        Assert.Equal(["2026-07-28", "2026-07-28"], upstream.ToolCallRevisions);
        Assert.Equal(1, upstream.DiscoverCount);
    }

    [Fact]
    public async Task Call_2025UpstreamSamplesAndElicits_ClientAnswersInputRequiredAndItsRetryCompletesTheCall()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        var asked = new List<string>();
        var handlers = new McpClientHandlers
        {
#pragma warning disable MCP9005 // The upstream speaks 2025-11-25, where sampling is current; the client answers it as MRTR input.
            SamplingHandler = (request, _, _) =>
            {
                asked.Add(((TextContentBlock)request!.Messages[0].Content[0]).Text);
                return ValueTask.FromResult(new CreateMessageResult { Model = "client-model", Role = Role.Assistant, Content = [new TextContentBlock { Text = "forty-two" }] });
            },
#pragma warning restore MCP9005
            ElicitationHandler = (request, _) =>
            {
                asked.Add(request!.Message);
                return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, System.Text.Json.JsonElement> { ["ok"] = System.Text.Json.JsonSerializer.SerializeToElement(true) } });
            },
        };
        await using var client = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, handlers, Token);

        var sampled = await client.CallToolAsync("up__ask", new Dictionary<string, object?> { ["question"] = "What is six times seven?" }, cancellationToken: Token);
        var elicited = await client.CallToolAsync("up__confirm", new Dictionary<string, object?> { ["message"] = "Deploy?" }, cancellationToken: Token);

        Assert.Equal("the model (client-model) said: forty-two", Assert.IsType<TextContentBlock>(Assert.Single(sampled.Content)).Text);
        Assert.Equal("the user chose accept: True", Assert.IsType<TextContentBlock>(Assert.Single(elicited.Content)).Text);
        Assert.Equal(["What is six times seven?", "Deploy?"], asked);
        Assert.Equal(0, host.Services.GetRequiredService<BridgedCalls>().Count);
    }

    [Fact]
    public async Task Call_2025UpstreamSamplesButTheClientCannot_TheUpstreamGetsAnErrorSayingSo()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        await using var client = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await client.CallToolAsync("up__ask", new Dictionary<string, object?> { ["question"] = "Anyone?" }, cancellationToken: Token));

        Assert.EndsWith("MCP server 'up' asked for sampling, but the client calling its tool does not support sampling", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Services.GetRequiredService<BridgedCalls>().Count);
    }

    private static string[] Names<T>(IEnumerable<T> items, Func<T, string> name) => [.. items.Select(name).Order(StringComparer.Ordinal)];
}
