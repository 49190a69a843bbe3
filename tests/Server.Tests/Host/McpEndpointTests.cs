using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Host;

/// <summary>
/// The C# SDK client on <c>/mcp</c> of the whole executable, in-process through <see cref="TributaryFactory"/>
/// (<c>WebApplicationFactory&lt;Program&gt;</c>), fronting real upstreams.
/// </summary>
public sealed class McpEndpointTests
{
    private static readonly TimeSpan s_eventBound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("stdio")]
    [InlineData("streamable-http")]
    public async Task ListAndCall_Everything_ListsPrefixedToolsAndEchoes(string transport)
    {
        await using var everything = await EverythingUpstream.StartAsync(transport, Token);
        await using var host = new TributaryFactory(everything.Yaml);
        await using var client = await host.ConnectClientAsync(Token);

        var tools = await client.ListToolsAsync(cancellationToken: Token);
        var echo = Assert.Single(tools, t => t.Name == "everything__echo");
        var result = await client.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "hi" }, cancellationToken: Token);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("Echo: hi", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.False(string.IsNullOrEmpty(echo.Description));
        Assert.Contains("message", echo.JsonSchema.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stdio")]
    [InlineData("streamable-http")]
    public async Task CallTool_UpstreamReportsProgress_ReachesTheCallerUnderItsToken(string transport)
    {
        await using var everything = await EverythingUpstream.StartAsync(transport, Token);
        await using var host = new TributaryFactory(everything.Yaml);
        await using var client = await host.ConnectClientAsync(Token);
        await client.ListToolsAsync(cancellationToken: Token);
        var firstTick = new TaskCompletionSource<ProgressNotificationValue>(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await client.CallToolAsync(
            "everything__trigger-long-running-operation",
            new Dictionary<string, object?> { ["duration"] = 1, ["steps"] = 2 },
            new Progress(value => firstTick.TrySetResult(value)),
            cancellationToken: Token);
        var tick = await firstTick.Task.WaitAsync(s_eventBound, Token);

        Assert.NotEqual(true, result.IsError);
        // The last tick may be lost in transit (see PLATFORM-NOTES), so only the first is certain.
        Assert.Equal(1, tick.Progress);
        Assert.Equal(2, tick.Total);
    }

    [Theory]
    [InlineData("stdio")]
    [InlineData("streamable-http")]
    public async Task ReadResourceAndGetPrompt_Everything_ReturnTheUpstreamsContent(string transport)
    {
        await using var everything = await EverythingUpstream.StartAsync(transport, Token);
        await using var host = new TributaryFactory(everything.Yaml);
        await using var client = await host.ConnectClientAsync(Token);

        var resource = await client.ReadResourceAsync("demo://resource/static/document/features.md", cancellationToken: Token);
        var prompt = await client.GetPromptAsync("everything__simple-prompt", cancellationToken: Token);

        var text = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents));
        Assert.Equal("demo://resource/static/document/features.md", text.Uri);
        Assert.Equal("text/markdown", text.MimeType);
        Assert.StartsWith("# ", text.Text, StringComparison.Ordinal);
        var message = Assert.Single(prompt.Messages);
        Assert.Equal(Role.User, message.Role);
        Assert.Equal("This is a simple prompt without arguments.", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    // The C# client cancels by dropping its POST (no notifications/cancelled); the TypeScript client's
    // notifications/cancelled is covered by TypeScriptClientCancellationTests. Not covered: legacy SSE
    // upstreams, to which SDK 2.3.1 sends no notifications/cancelled either.
    [Fact]
    public async Task CancelCall_ClientDropsItsPost_UpstreamGetsCancelledForItsRequestId()
    {
        await using var upstream = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "up", IncludeHangTool = true, Output = TestContext.Current.TestOutputHelper },
            Token);
        await using var host = new TributaryFactory(HealthEndpointTests.HttpServer("up", upstream.Url));
        await using var client = await host.ConnectClientAsync(Token);
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
    }

    [Fact]
    public async Task CallTool_UpstreamStopped_IsErrorResultNamingTheServer()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "gone" }, Token);
        await using var host = new TributaryFactory(HealthEndpointTests.HttpServer("gone", upstream.Url));
        await using var client = await host.ConnectClientAsync(Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);
        Assert.Contains(tools, t => t.Name == "gone__echo");

        await upstream.StopAsync(Token);
        var result = await client.CallToolAsync("gone__echo", new Dictionary<string, object?>(), cancellationToken: Token);

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("server 'gone' is unreachable: Connection refused (127.0.0.1:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_BeforeAnyListing_RoutesThroughTheCatalog()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, Token);
        await using var host = new TributaryFactory(HealthEndpointTests.HttpServer("up", upstream.Url));
        await using var client = await host.ConnectClientAsync(Token);

        var result = await client.CallToolAsync("up__echo", new Dictionary<string, object?>(), cancellationToken: Token);

        Assert.NotEqual(true, result.IsError);
        Assert.StartsWith("up:echo:", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolListChanged_UpstreamAddsTool_ReachesTheClientAndTheNewToolIsListed()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, Token);
        await using var host = new TributaryFactory(HealthEndpointTests.HttpServer("up", upstream.Url));
        await using var client = await host.ConnectClientAsync(Token);
        var before = await client.ListToolsAsync(cancellationToken: Token);
        // The built-in gitlab__ tools are always listed too.
        Assert.Equal(["up__echo"], before.Select(t => t.Name).Where(n => !n.StartsWith("gitlab__", StringComparison.Ordinal)));
        await using var changes = new ListChangedWatch(client, NotificationMethods.ToolListChangedNotification);

        upstream.AddTool("added");
        var after = await changes.UntilAsync(
            async () => await client.ListToolsAsync(cancellationToken: Token),
            tools => tools.Any(t => t.Name == "up__added"),
            Token);

        Assert.Equal(["up__added", "up__echo"], after.Select(t => t.Name).Where(n => !n.StartsWith("gitlab__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PromptAndResourceListChanged_UpstreamAddsThem_ReachTheClientAndAreServed()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", ServePromptsAndResources = true }, Token);
        await using var host = new TributaryFactory(HealthEndpointTests.HttpServer("up", upstream.Url));
        await using var client = await host.ConnectClientAsync(Token);
        Assert.DoesNotContain(await client.ListPromptsAsync(cancellationToken: Token), p => p.Name.StartsWith("up__", StringComparison.Ordinal));
        Assert.DoesNotContain(await client.ListResourcesAsync(cancellationToken: Token), r => r.Uri.StartsWith("test:", StringComparison.Ordinal));
        await using var promptChanges = new ListChangedWatch(client, NotificationMethods.PromptListChangedNotification);
        await using var resourceChanges = new ListChangedWatch(client, NotificationMethods.ResourceListChangedNotification);

        upstream.AddPrompt("added");
        upstream.AddResource("test://added");
        var prompts = await promptChanges.UntilAsync(
            async () => await client.ListPromptsAsync(cancellationToken: Token),
            listed => listed.Any(p => p.Name == "up__added"),
            Token);
        var resources = await resourceChanges.UntilAsync(
            async () => await client.ListResourcesAsync(cancellationToken: Token),
            listed => listed.Any(r => r.Uri == "test://added"),
            Token);
        var prompt = await client.GetPromptAsync("up__added", cancellationToken: Token);
        var resource = await client.ReadResourceAsync("test://added", cancellationToken: Token);

        Assert.Equal(["up__added"], prompts.Select(p => p.Name).Where(n => n.StartsWith("up__", StringComparison.Ordinal)));
        Assert.Equal(["test://added"], resources.Select(r => r.Uri).Where(u => u.StartsWith("test:", StringComparison.Ordinal)));
        Assert.Equal("up:added", Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text);
        Assert.Equal("up:test://added", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);
    }

    // Synchronous, unlike Progress<T>, which posts to a context this test does not need.
    private sealed class Progress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
