using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ModelContextProtocol.Client;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Security;

/// <summary>The legacy SSE endpoints (<c>/mcp/sse</c>, <c>/mcp/message</c>) get the same key and origin checks as <c>/mcp</c>.</summary>
public sealed class LegacySseSecurityTests
{
    private const string Key = "s3cret-key-for-tests";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/mcp/sse")]
    [InlineData("POST", "/mcp/message?sessionId=x")]
    public async Task LegacySse_KeySetNoAuthorization_401(string method, string path)
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        using var request = Request(method, path);
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Theory]
    [InlineData("GET", "/mcp/sse")]
    [InlineData("POST", "/mcp/message?sessionId=x")]
    public async Task LegacySse_ForeignOrigin_403(string method, string path)
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), key: null, Token);

        using var request = Request(method, path);
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("origin_not_allowed", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacySse_RightKey_ClientListsTools()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = new Uri(host.BaseAddress, "/mcp/sse"),
                    TransportMode = HttpTransportMode.Sse,
                    AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Key}" },
                },
                host.Http),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);

        // The only upstream is down: the listing still answers, with nothing from it.
        Assert.DoesNotContain(tools, t => t.Name.StartsWith("up__", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }
}
