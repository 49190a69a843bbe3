using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tributary.Server.Tests.Security;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Health;

public sealed class HealthAccessTests
{
    private const string Key = "health-test-key";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-the-key")]
    public async Task Health_KeySetButNotSent_OnlyTheOverallStatus(string? authorization)
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await StartAsync(upstream);

        using var response = await SendAsync(host, "/health", authorization);
        string body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["status"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthProbe_KeySetButNotSent_401AndNoUpstreamContacted()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await StartAsync(upstream);

        using var response = await SendAsync(host, "/health?probe=true", authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("unauthorized", json.RootElement.GetProperty("error").GetString());
        Assert.Equal(
            "/health?probe=true needs the key: send 'Authorization: Bearer <key>' with the key configured in TRIBUTARY_MCP_KEY; without it /health gives only the overall status",
            json.RootElement.GetProperty("message").GetString());
        Assert.Equal(0, upstream.RequestCount);
    }

    [Fact]
    public async Task HealthProbe_WithTheKey_EveryDetail()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await StartAsync(upstream);

        using var response = await SendAsync(host, "/health?probe=true", $"Bearer {Key}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var live = json.RootElement.GetProperty("servers").GetProperty("live");
        Assert.Equal("connected", live.GetProperty("state").GetString());
        Assert.Equal("private upstream", live.GetProperty("description").GetString());
        Assert.Equal(1, upstream.PingCount);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task LiveAndReady_KeySetButNotSent_200(string path)
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await StartAsync(upstream);

        using var response = await SendAsync(host, path, authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    private static Task<RunningHost> StartAsync(TestMcpServer upstream) =>
        RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("live", upstream.Url, "private upstream"),
            options => SecuredHost.WithVariables(options, Key, allowedHosts: null),
            Token);

    private static async Task<HttpResponseMessage> SendAsync(RunningHost host, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await host.Http.SendAsync(request, Token);
    }
}
