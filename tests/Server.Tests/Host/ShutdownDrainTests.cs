using System.Net;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Webhooks;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Logging;

namespace Tributary.Server.Tests.Host;

public sealed class ShutdownDrainTests
{
    private const int Draining = 9301;
    private const int Drained = 9302;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_WithDrain_ReadyAnswers503WhileCallsAreStillServedThenTheListenerCloses()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        var logs = new WaitableLogs();
        await using var host = await RunningHost.StartWithConfigAsync(
            "host:\n  drain: 10m\nmcp_servers:\n" + HealthEndpointTests.HttpServer("live", upstream.Url),
            options => options with
            {
                ConfigureLogging = logging =>
                {
                    TestLogging.ConfigureHost(logging);
                    logging.AddProvider(logs);
                },
            },
            Token);
        await using var client = await host.ConnectClientAsync(Token);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/health/ready"));

        // The test ends the pause itself: cancelling the stop's token is a shutdown timeout running out.
        using var endDrain = new CancellationTokenSource();
        var stopping = host.StopAsync(endDrain.Token);
        var draining = await logs.WaitForAsync(Draining);

        Assert.Equal("Stopping: draining for 600 s (host.drain); /health/ready answers 503 and requests are still served until then", draining.Message);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(host, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host, "/health/live"));
        var result = await client.CallToolAsync("live__echo", new Dictionary<string, object?> { ["text"] = "during the drain" }, cancellationToken: Token);
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("live:echo:{\"text\":\"during the drain\"}", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);

        await endDrain.CancelAsync();
        await stopping;

        Assert.Equal("Drained: no longer listening; calls in flight finish before the process ends", (await logs.WaitForAsync(Drained)).Message);
        await Assert.ThrowsAsync<HttpRequestException>(() => StatusAsync(host, "/health/live"));
    }

    [Fact]
    public async Task Stopping_WithoutDrain_StopsAtOnce()
    {
        var logs = new WaitableLogs();
        await using var host = await RunningHost.StartWithConfigAsync(
            "mcp_servers: {}\n",
            options => options with
            {
                ConfigureLogging = logging =>
                {
                    TestLogging.ConfigureHost(logging);
                    logging.AddProvider(logs);
                },
            },
            Token);

        await host.StopAsync(Token);

        Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Id is Draining or Drained);
        await Assert.ThrowsAsync<HttpRequestException>(() => StatusAsync(host, "/health/live"));
    }

    private static async Task<HttpStatusCode> StatusAsync(RunningHost host, string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);
        return response.StatusCode;
    }
}
