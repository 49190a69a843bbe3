using System.Globalization;
using System.Net;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Security;

public sealed class OriginCheckTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mcp_ForeignOrigin_403SayingHowToAllowIt()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), key: null, Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            """{"error":"origin_not_allowed","message":"the origin \u0027http://evil.example\u0027 is not allowed to use /mcp; to allow it, add \u0027evil.example\u0027 to TRIBUTARY_ALLOWED_HOSTS (host names separated by \u0027;\u0027)"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Mcp_ForeignOriginAndKeySet_403BeforeTheKeyIsChecked()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), "k", Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Mcp_LocalhostOrigin_ClientListsTools()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up" }, Token);
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), key: null, Token);
        var origin = $"http://localhost:{host.BaseAddress.Port.ToString(CultureInfo.InvariantCulture)}";

        await using var client = await SecuredHost.ConnectAsync(host, new Dictionary<string, string> { ["Origin"] = origin }, Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);

        Assert.Contains(tools, t => t.Name == "up__echo");
    }

    [Theory]
    [InlineData("http://127.0.0.1:1234")]
    [InlineData("http://[::1]:1234")]
    public async Task Mcp_LoopbackIpOrigin_Allowed(string origin)
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), key: null, Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Add("Origin", origin);
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Mcp_OpaqueNullOrigin_403()
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), key: null, Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Add("Origin", "null");
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Mcp_OriginInConfiguredHosts_Allowed()
    {
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)),
            options => SecuredHost.WithVariables(options, key: null, allowedHosts: "127.0.0.1; app.example"),
            Token);

        using var request = SecuredHost.Initialize();
        request.Headers.Add("Origin", "https://app.example");
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/mcp")]
    [InlineData("/health")]
    public async Task AnyPath_ForeignHostHeader_400(string path)
    {
        await using var host = await SecuredHost.StartAsync(HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)), key: null, Token);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("tributary.example.com", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    public async Task AnyPath_HostAllowedHostsInConfig_OnlyThoseServed(string hostHeader, HttpStatusCode expected)
    {
        await using var host = await RunningHost.StartWithConfigAsync(
            "mcp_servers: {}\nhost:\n  allowed_hosts: [tributary.example.com]\n",
            options => SecuredHost.WithVariables(options, key: null, allowedHosts: null),
            Token);

        using var response = await GetLiveAsync(host, hostHeader);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnyPath_AllowedHostsVariable_WinsOverHostAllowedHosts()
    {
        await using var host = await RunningHost.StartWithConfigAsync(
            "mcp_servers: {}\nhost:\n  allowed_hosts: [tributary.example.com]\n",
            options => SecuredHost.WithVariables(options, key: null, allowedHosts: "localhost"),
            Token);

        using var fromVariable = await GetLiveAsync(host, "localhost");
        using var fromFile = await GetLiveAsync(host, "tributary.example.com");

        Assert.Equal(HttpStatusCode.OK, fromVariable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fromFile.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetLiveAsync(RunningHost host, string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Host = hostHeader;
        return await host.Http.SendAsync(request, Token);
    }
}
