using Microsoft.Extensions.Time.Testing;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// A server with subscriptions is pinged now and then: an HTTP server that restarted while nothing was in flight to
/// it (its session gone unseen) is noticed, reconnected and subscribed again, with no request from anyone.
/// </summary>
public sealed class SubscriptionKeepAliveTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubscribedServerRestartsUnseen_KeepAlivePingNoticesIt_ItIsSubscribedAgain()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeWatchedResource = true }, Token);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  up:\n    url: {upstream.Url}\n", output, time: time);
        await registry.Manager.SubscribeAsync("up", WatchedResource.Uri, Token);
        Assert.Equal($"subscribe {WatchedResource.Uri}", await upstream.Watched.Requests.ReadAsync(Token).AsTask().WaitAsync(LiveRegistry.Bound, Token));

        await upstream.RestartAsync(Token);

        // The clock moves a second at a time: past the keep-alive interval, then past the reconnect backoff.
        Assert.Equal($"subscribe {WatchedResource.Uri}", await AdvanceUntilRequestAsync(time, upstream.Watched));
        Assert.Equal(ServerState.Connected, registry.Manager.GetHealth()[0].State);
    }

    private static async Task<string> AdvanceUntilRequestAsync(FakeTimeProvider time, WatchedResource watched)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Token);
        bound.CancelAfter(LiveRegistry.Bound);
        var next = watched.Requests.ReadAsync(bound.Token).AsTask();
        while (!next.IsCompleted)
        {
            time.Advance(s_step);
            await Task.WhenAny(next, Task.Delay(50, bound.Token));
        }

        return await next;
    }
}
