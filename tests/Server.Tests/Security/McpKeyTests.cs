using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Security;

public sealed class McpKeyTests
{
    private const string Key = "s3cret-key-for-tests";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mcp_KeySetNoAuthorization_401WithBearerChallengeAndHowToFix()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        using var request = SecuredHost.Initialize();
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"error":"unauthorized","message":"missing Authorization header; send \u0027Authorization: Bearer \u003Ckey\u003E\u0027 with the key configured in TRIBUTARY_MCP_KEY"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Mcp_KeySetWrongKey_401SayingItDoesNotMatchWithoutEchoingEitherKey()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");
        using var response = await host.Http.SendAsync(request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            """{"error":"unauthorized","message":"the bearer key does not match TRIBUTARY_MCP_KEY; send \u0027Authorization: Bearer \u003Ckey\u003E\u0027 with the key configured in TRIBUTARY_MCP_KEY"}""",
            body);
        Assert.DoesNotContain("wrong-key", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcp_KeySetOtherScheme_401SayingItIsNotABearerKey()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            """{"error":"unauthorized","message":"the Authorization header is not a bearer key; send \u0027Authorization: Bearer \u003Ckey\u003E\u0027 with the key configured in TRIBUTARY_MCP_KEY"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Mcp_KeySetRightKey_ClientInitializesListsAndCallsTools()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, Token);
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Key, Token);

        await using var client = await SecuredHost.ConnectAsync(host, new Dictionary<string, string> { ["Authorization"] = $"Bearer {Key}" }, Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);
        var result = await client.CallToolAsync("up__echo", new Dictionary<string, object?>(), cancellationToken: Token);

        Assert.Contains(tools, t => t.Name == "up__echo");
        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public async Task Mcp_KeySetRightKey_ClientsAuthorizationIsNotForwardedUpstream()
    {
        // The upstream would accept the client's own header; Tributary must not pass it on.
        await using var upstream = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "up", RequiredHeader = new RequiredHeader("Authorization", $"Bearer {Key}") },
            Token);
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Key, Token);

        await using var client = await SecuredHost.ConnectAsync(host, new Dictionary<string, string> { ["Authorization"] = $"Bearer {Key}" }, Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);
        var result = await client.CallToolAsync("up__echo", new Dictionary<string, object?>(), cancellationToken: Token);

        Assert.DoesNotContain(tools, t => t.Name == "up__echo");
        Assert.True(result.IsError);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_KeySetNoAuthorization_StaysOpen(string path)
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Start_KeySet_NoDataProtectionSoNothingIsWrittenUnderHome()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), Key, Token);

        // DataProtection would create a key ring in ~/.aspnet at start-up; the key scheme needs none.
        Assert.Null(host.Services.GetService<IDataProtectionProvider>());
    }

    [Fact]
    public async Task Mcp_NoKeySet_ClientWorksWithoutAuthorization()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, Token);
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), key: null, Token);

        await using var client = await SecuredHost.ConnectAsync(host, new Dictionary<string, string>(), Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);

        Assert.Contains(tools, t => t.Name == "up__echo");
    }
}
