using System.Globalization;
using System.Net;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Host;

/// <summary><c>/health</c> while a real upstream (server-everything over streamable HTTP) dies and comes back.</summary>
public sealed class HealthUnderFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProbeHealth_UpstreamKilledThenRestartedOnItsPort_FailedWithTheReasonThenConnectedAgain()
    {
        await using var upstream = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp, TestContext.Current.TestOutputHelper, Token);
        // Each probe must see the upstream's new state, not the previous probe's result (coalescing has its own tests).
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("everything", upstream.Url), options => options with { HealthProbeReuse = TimeSpan.Zero }, Token);
        await using var client = await host.ConnectClientAsync(Token);
        await client.ListToolsAsync(cancellationToken: Token);
        var echo = await client.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "before" }, cancellationToken: Token);
        Assert.Equal("Echo: before", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);

        var (beforeStatus, before) = await ProbeAsync(host);
        await upstream.KillAsync(Token);
        var (deadStatus, dead) = await ProbeAsync(host);
        var deadPage = await GetPageAsync(host);
        await upstream.RestartAsync(Token);
        var (backStatus, back) = await ProbeAsync(host);

        var reason = $"Connection refused (127.0.0.1:{upstream.Port.ToString(CultureInfo.InvariantCulture)})";
        Assert.Equal((HttpStatusCode.OK, "healthy", "connected"), (beforeStatus, Status(before), State(before)));
        var toolCount = Server(before).GetProperty("toolCount").GetInt32();
        Assert.True(toolCount > 0, "server-everything lists tools");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "unhealthy", "failed"), (deadStatus, Status(dead), State(dead)));
        Assert.Equal(reason, Server(dead).GetProperty("lastError").GetString());
        Assert.Equal(0, Server(dead).GetProperty("toolCount").GetInt32());
        Assert.Contains($"<span class=\"status state failed\">failed</span></td><td class=\"num\">0</td><td class=\"error\">{reason}</td>", deadPage, StringComparison.Ordinal);

        Assert.Equal((HttpStatusCode.OK, "healthy", "connected"), (backStatus, Status(back), State(back)));
        Assert.Equal(JsonValueKind.Null, Server(back).GetProperty("lastError").ValueKind);
        Assert.Equal(toolCount, Server(back).GetProperty("toolCount").GetInt32());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ProbeAsync(RunningHost host)
    {
        using var response = await host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    private static async Task<string> GetPageAsync(RunningHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await host.Http.SendAsync(request, Token);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private static string? Status(JsonElement body) => body.GetProperty("status").GetString();

    private static JsonElement Server(JsonElement body) => body.GetProperty("servers").GetProperty("everything");

    private static string? State(JsonElement body) => Server(body).GetProperty("state").GetString();
}
