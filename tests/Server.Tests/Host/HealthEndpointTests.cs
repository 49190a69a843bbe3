using System.Globalization;
using System.Net;
using System.Text.Json;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Host;

public sealed class HealthEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_BeforeAnyUse_HealthyWithIdleServersAndNoUpstreamContacted()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await RunningHost.StartAsync(HttpServer("live", upstream.Url), Token);

        using var response = await host.Http.GetAsync(new Uri("/health", UriKind.Relative), Token);
        using var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var live = body.RootElement.GetProperty("servers").GetProperty("live");
        Assert.Equal("idle", live.GetProperty("state").GetString());
        Assert.Equal("streamable-http", live.GetProperty("transport").GetString());
        Assert.Equal(0, upstream.RequestCount);
    }

    [Fact]
    public async Task Health_ProbeWithOneServerDead_DegradedWith200AndTheReason()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        var deadPort = FreePort.Next();
        await using var host = await RunningHost.StartAsync(
            HttpServer("live", upstream.Url) + HttpServer("dead", DeadUrl(deadPort), "nobody listens"),
            Token);

        using var response = await host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        using var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = body.RootElement;
        Assert.Equal("degraded", root.GetProperty("status").GetString());
        var live = root.GetProperty("servers").GetProperty("live");
        Assert.Equal("connected", live.GetProperty("state").GetString());
        Assert.Equal(1, live.GetProperty("toolCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, live.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Number, live.GetProperty("latencyMs").ValueKind);
        var dead = root.GetProperty("servers").GetProperty("dead");
        Assert.Equal("failed", dead.GetProperty("state").GetString());
        Assert.Equal($"Connection refused (127.0.0.1:{deadPort.ToString(CultureInfo.InvariantCulture)})", dead.GetProperty("lastError").GetString());
        Assert.Equal("nobody listens", dead.GetProperty("description").GetString());
        Assert.Equal(0, dead.GetProperty("toolCount").GetInt32());
        Assert.Equal(JsonValueKind.String, dead.GetProperty("lastCheck").ValueKind);
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("lastSuccess").ValueKind);
    }

    [Fact]
    public async Task Health_ProbeWithEveryServerDead_Unhealthy503()
    {
        await using var host = await RunningHost.StartAsync(
            HttpServer("first", DeadUrl(FreePort.Next())) + HttpServer("second", DeadUrl(FreePort.Next())) + "  off:\n    url: http://127.0.0.1:9/mcp\n    enabled: false\n",
            Token);

        using var response = await host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        using var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        var servers = body.RootElement.GetProperty("servers");
        Assert.Equal("failed", servers.GetProperty("first").GetProperty("state").GetString());
        Assert.Equal("failed", servers.GetProperty("second").GetProperty("state").GetString());
        Assert.Equal("disabled", servers.GetProperty("off").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Health_MissingSecret_NotConfiguredWithoutTheSecretAndDegraded()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        var variable = "TRIBUTARY_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        await using var host = await RunningHost.StartAsync(
            HttpServer("live", upstream.Url) + $"  locked:\n    url: http://127.0.0.1:9/mcp\n    auth_type: bearer\n    auth_token_env: {variable}\n",
            Token);

        using var response = await host.Http.GetAsync(new Uri("/health", UriKind.Relative), Token);
        using var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        var locked = body.RootElement.GetProperty("servers").GetProperty("locked");
        Assert.Equal("not_configured", locked.GetProperty("state").GetString());
        Assert.Contains(variable, locked.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task LiveAndReady_HostStartedWithDeadUpstream_200(string path)
    {
        await using var host = await RunningHost.StartAsync(HttpServer("dead", DeadUrl(FreePort.Next())), Token);

        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }

    internal static string HttpServer(string name, Uri url, string? description = null) =>
        $"  {name}:\n    url: {url}\n    connect_timeout: 10s\n" + (description is null ? string.Empty : $"    description: {description}\n");

    internal static Uri DeadUrl(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp");

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text);
    }
}
