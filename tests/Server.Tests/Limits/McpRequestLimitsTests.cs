using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Limits;
using Tributary.Server.Mcp;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;
using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Server.Tests.Limits;

public sealed class McpRequestLimitsTests
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_BodyOverTheLimit_413JsonRpcErrorNamingTheLimitAndItsVariable()
    {
        await using var host = await StartAsync(new() { [LimitOptions.McpMaxBodyBytesVariable] = "2048" });
        string json = Initialize.Replace("\"raw\"", $"\"{new string('x', 4096)}\"", StringComparison.Ordinal);

        var (status, retryAfter, error) = await PostAsync(host, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Null(retryAfter);
        Assert.Equal(
            (-32000, "the request body is larger than 2048 bytes (2 KiB), the most /mcp accepts; send less, or raise TRIBUTARY_MCP_MAX_BODY_BYTES"),
            error);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_413()
    {
        await using var host = await StartAsync(new() { [LimitOptions.McpMaxBodyBytesVariable] = "2048" });
        // 8 times the limit, yet small enough to sit in the loopback socket buffers: the client finishes sending before
        // the server, which stops reading at the limit, closes (a larger body made the client fail with a broken pipe).
        using var content = new StreamContent(new EndlessStream(16 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (status, _, error) = await PostAsync(host, content, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(-32000, error.Code);
    }

    [Fact]
    public async Task Connect_SessionsAtTheLimit_503WithRetryAfterUntilOneCloses()
    {
        await using var host = await StartAsync(new() { [LimitOptions.MaxSessionsVariable] = "2" });
        var sessions = host.Services.GetRequiredService<DownstreamSessions>();
        await using var first = await host.ConnectClientAsync(Token);
        var second = await host.ConnectClientAsync(Token);

        var (status, retryAfter, error) = await PostAsync(host, new StringContent(Initialize, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(TimeSpan.FromSeconds(10), retryAfter);
        Assert.Equal(
            (-32000, "Tributary has 2 open MCP sessions, the most it keeps (TRIBUTARY_MCP_MAX_SESSIONS); try again later (see Retry-After), close sessions you no longer use, or raise TRIBUTARY_MCP_MAX_SESSIONS"),
            error);
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectClientAsync(Token));
        await first.PingAsync(cancellationToken: Token);

        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sessions.Ended += _ => ended.TrySetResult();
        await second.DisposeAsync();
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10), Token);
        await using var third = await host.ConnectClientAsync(Token);
        Assert.Equal(2, sessions.Count);
    }

    [Fact]
    public async Task Call_SessionsAtTheLimit_A2026ClientWithoutASessionIsStillServed()
    {
        await using var host = await StartAsync(new() { [LimitOptions.MaxSessionsVariable] = "1" });
        await using var session = await host.ConnectClientAsync(Token);
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectClientAsync(Token));

        await using var perRequest = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);
        var tools = await perRequest.ListToolsAsync(cancellationToken: Token);

        Assert.Equal(McpTestClient.July2026, perRequest.NegotiatedProtocolVersion);
        Assert.NotNull(tools);
        Assert.Equal(1, host.Services.GetRequiredService<DownstreamSessions>().Count);
    }

    [Fact]
    public async Task Call_CallsWithoutSessionAtTheLimit_TheNextIsRefusedUntilOneEnds()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeHangTool = true }, Token);
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("up", upstream.Url),
            options => options with { ReadVariable = new Dictionary<string, string> { [LimitOptions.MaxSessionsVariable] = "1" }.GetValueOrDefault },
            Token);
        await using var client = await McpTestClient.ConnectAsync(host.Http, McpTestClient.July2026, new McpClientHandlers(), Token);
        using var hangCancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var hang = client.CallToolAsync("up__hang", cancellationToken: hangCancellation.Token).AsTask();
        await upstream.HangStarted.WaitAsync(TimeSpan.FromSeconds(30), Token);

        var refused = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("up__echo", cancellationToken: Token));
        await hangCancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hang);
        await upstream.HangCancelled.WaitAsync(TimeSpan.FromSeconds(30), Token);
        while (host.Services.GetRequiredService<BridgedCalls>().Count > 0)
        {
            await Task.Delay(10, Token);
        }

        var echo = await client.CallToolAsync("up__echo", cancellationToken: Token);

        Assert.EndsWith(
            "Tributary runs 1 tool calls of clients without a session (protocol 2026-07-28), the most it runs at once (TRIBUTARY_MCP_MAX_SESSIONS); try again later, or raise TRIBUTARY_MCP_MAX_SESSIONS",
            refused.Message,
            StringComparison.Ordinal);
        Assert.Equal("up:echo:{}", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
    }

    private static Task<RunningHost> StartAsync(Dictionary<string, string> variables) =>
        RunningHost.StartAsync(string.Empty, options => options with { ReadVariable = variables.GetValueOrDefault }, Token);

    private static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, (int Code, string Message) Error)> PostAsync(RunningHost host, HttpContent content, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await host.Http.SendAsync(request, Token);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("id").ValueKind);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!));
    }
}
