using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Limits;

namespace Tributary.Server.Tests.Hostile;

/// <summary>
/// Hostile input through the real host: malformed and oversized JSON-RPC on <c>/mcp</c>, and an upstream that floods.
/// Each gets its exact answer, while a well-behaved client calls <c>echo</c> through the same host the whole time
/// (<see cref="HostileHost"/>) and sees no failure: after each case it makes further calls, and none has failed.
/// </summary>
public sealed class HostileInputTests(HostileHost fixture) : IClassFixture<HostileHost>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, HttpStatusCode, string> MalformedMessages => new()
    {
        { "bad JSON", """{"jsonrpc":"2.0","id":1,"method":""", HttpStatusCode.BadRequest, """{"error":{"code":-32600,"message":"Bad Request: The POST body did not contain a valid JSON-RPC message: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. Path: $ | LineNumber: 0 | BytePositionInLine: 33."},"id":null,"jsonrpc":"2.0"}""" },
        { "object id", """{"jsonrpc":"2.0","id":{},"method":"ping"}""", HttpStatusCode.BadRequest, """{"error":{"code":-32600,"message":"Bad Request: The POST body did not contain a valid JSON-RPC message: requestId must be a string, integer, or null"},"id":null,"jsonrpc":"2.0"}""" },
        { "number params", """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":5}""", HttpStatusCode.OK, """{"error":{"code":-32602,"message":"Invalid params: \u0027params\u0027 of tools/call must be a JSON object of named parameters, but it is a number"},"id":2,"jsonrpc":"2.0"}""" },
        { "unknown method", """{"jsonrpc":"2.0","id":3,"method":"no/such/method"}""", HttpStatusCode.OK, """{"error":{"code":-32601,"message":"Method \u0027no/such/method\u0027 is not available."},"id":3,"jsonrpc":"2.0"}""" },
        { "batch array", """[{"jsonrpc":"2.0","id":4,"method":"ping"},{"jsonrpc":"2.0","id":5,"method":"ping"}]""", HttpStatusCode.BadRequest, """{"error":{"code":-32600,"message":"Bad Request: The POST body did not contain a valid JSON-RPC message: Expected StartObject token"},"id":null,"jsonrpc":"2.0"}""" },
        { "10,000 levels of nesting", """{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"up__echo","arguments":{"message":""" + new string('[', 10_000) + new string(']', 10_000) + "}}}", HttpStatusCode.BadRequest, """{"error":{"code":-32600,"message":"Bad Request: The POST body did not contain a valid JSON-RPC message: The maximum configured depth of 64 has been exceeded. Cannot read next JSON array. Path: $ | LineNumber: 0 | BytePositionInLine: 158."},"id":null,"jsonrpc":"2.0"}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public async Task Post_MalformedMessage_ExactAnswerAndTheEchoLoopNeverFails(string name, string body, HttpStatusCode status, string answer)
    {
        var sessionId = await RawPost.InitializeAsync(fixture.Host.Http, Token);

        var (actualStatus, actualAnswer) = await RawPost.PostAsync(fixture.Host.Http, Encoding.UTF8.GetBytes(body), sessionId, Token);

        Assert.Equal((status, answer), (actualStatus, actualAnswer));
        await AssertEchoLoopUnharmedAsync(name);
    }

    [Fact]
    public async Task Post_InvalidUtf8_ReadWithEachBadByteReplacedAndTheEchoLoopNeverFails()
    {
        var sessionId = await RawPost.InitializeAsync(fixture.Host.Http, Token);
        byte[] body = [.. """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"up__echo","arguments":{"message":" """u8, 0xC3, 0x28, 0xFF, .. "\"}}}"u8];

        var answer = await RawPost.PostAsync(fixture.Host.Http, body, sessionId, Token);

        Assert.Equal(
            (HttpStatusCode.OK, """{"result":{"content":[{"type":"text","text":"up:echo:{\u0022message\u0022:\u0022 \\uFFFD(\\uFFFD\u0022}"}]},"id":7,"jsonrpc":"2.0"}"""),
            answer);
        await AssertEchoLoopUnharmedAsync("invalid UTF-8");
    }

    [Fact]
    public async Task Post_50MBBody_413NamingTheLimitWithoutReadingItAndTheEchoLoopNeverFails()
    {
        var body = new EndlessStream(50_000_000);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = 50_000_000;

        using var response = await RawPost.SendAsync(fixture.Host.Http, content, sessionId: null, expectContinue: true, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(
            """{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"the request body is larger than 4194304 bytes (4 MiB), the most /mcp accepts; send less, or raise TRIBUTARY_MCP_MAX_BODY_BYTES"}}""",
            await RawPost.ReadAsync(response, Token));
        Assert.Equal(0, body.Position);
        await AssertEchoLoopUnharmedAsync("a 50 MB body");
    }

    [Fact]
    public async Task Post_50MBChunkedBody_413OnceItPassesTheLimitAndTheEchoLoopNeverFails()
    {
        var (answer, sent) = await RawChunkedPost.SendAsync(fixture.Host.BaseAddress, 50_000_000, Token);

        Assert.StartsWith("HTTP/1.1 413 Payload Too Large\r\n", answer, StringComparison.Ordinal);
        Assert.Contains(
            """{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"the request body is larger than 4194304 bytes (4 MiB), the most /mcp accepts; send less, or raise TRIBUTARY_MCP_MAX_BODY_BYTES"}}""",
            answer,
            StringComparison.Ordinal);
        Assert.InRange(sent, 4L * 1024 * 1024, 49_999_999);
        await AssertEchoLoopUnharmedAsync("a 50 MB chunked body");
    }

    [Theory]
    [InlineData("flood__flood", 200L * 1024 * 1024)]
    [InlineData("flood__endless", 0L)]
    public async Task Call_UpstreamFloodsItsOutput_TheCallFailsNamingServerAndLimitBeforeTheFloodIsOverAndTheEchoLoopNeverFails(string tool, long bytes)
    {
        await using var client = await fixture.Host.ConnectClientAsync(Token);
        await client.ListToolsAsync(cancellationToken: Token);

        var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["bytes"] = bytes }, cancellationToken: Token).AsTask().WaitAsync(Bound, Token);

        Assert.True(result.IsError);
        Assert.Equal(
            $"server 'flood' lost its connection during tools/call '{tool["flood__".Length..]}': it sent a message larger than 4 MiB (max_message_size), so Tributary stopped reading it and dropped the connection; raise max_message_size for this server if its messages are that large; the request was not retried because it may already have run",
            string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
        Assert.InRange(fixture.FloodWritten, 1, 2 * HostileHost.FloodLimit);
        Assert.Equal("flood:after", string.Concat((await client.CallToolAsync("flood__echo", new Dictionary<string, object?> { ["message"] = "after" }, cancellationToken: Token)).Content.OfType<TextContentBlock>().Select(b => b.Text)));
        await AssertEchoLoopUnharmedAsync($"{tool}");
    }

    private async Task AssertEchoLoopUnharmedAsync(string after)
    {
        await fixture.Loop.WaitForMoreAsync(5, Bound, Token);
        Assert.True(fixture.Loop.Failures.Count == 0, $"after {after}, the well-behaved client saw failures: {string.Join(" | ", fixture.Loop.Failures)}");
        using var live = await fixture.Host.Http.GetAsync("/health/live", Token);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
