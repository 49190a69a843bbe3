using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// <c>resources/subscribe</c> through <c>/mcp</c>: passed on to the owning upstream, its
/// <c>notifications/resources/updated</c> passed back, and the upstream told to stop when no session wants it.
/// </summary>
public sealed class ResourceSubscriptionTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_UpstreamUpdatesTheResource_TheClientIsTold()
    {
        await using var fronted = await FrontedUpstream.StartAsync();
        await using var client = await ConnectSubscribedAsync(fronted);
        var (updated, handler) = ListenForUpdates(client);
        await using var _ = handler;

        Assert.Equal(WatchedResource.Uri, await UpdateUntilToldAsync(fronted.Upstream, updated));
    }

    [Fact]
    public async Task Unsubscribe_OnlyTheLastSessionsUnsubscribe_ReachesTheUpstream()
    {
        await using var fronted = await FrontedUpstream.StartAsync();
        var (upstream, host) = (fronted.Upstream, fronted.Host);
        await using var first = await host.ConnectClientAsync(Token);
        await using var second = await host.ConnectClientAsync(Token);
        await first.SubscribeToResourceAsync(WatchedResource.Uri, cancellationToken: Token);
        await first.SubscribeToResourceAsync(WatchedResource.Uri, cancellationToken: Token);
        await second.SubscribeToResourceAsync(WatchedResource.Uri, cancellationToken: Token);

        await first.UnsubscribeFromResourceAsync(WatchedResource.Uri, cancellationToken: Token);
        var afterFirst = Drain(upstream.Watched);
        await second.UnsubscribeFromResourceAsync(WatchedResource.Uri, cancellationToken: Token);

        // A session's repeated subscription is one; each session's first goes on; the upstream stops with the last.
        Assert.Equal([$"subscribe {WatchedResource.Uri}", $"subscribe {WatchedResource.Uri}"], afterFirst);
        Assert.Equal([$"unsubscribe {WatchedResource.Uri}"], Drain(upstream.Watched));
    }

    [Fact]
    public async Task SessionEnds_ItWasTheLastSubscriber_TheUpstreamIsUnsubscribed()
    {
        await using var fronted = await FrontedUpstream.StartAsync();
        var client = await ConnectSubscribedAsync(fronted);

        await client.DisposeAsync();

        Assert.Equal($"unsubscribe {WatchedResource.Uri}", await NextRequestAsync(fronted.Upstream));
    }

    [Fact]
    public async Task UpstreamRestarts_TheNextRequestReconnectsAndSubscribesAgain()
    {
        await using var fronted = await FrontedUpstream.StartAsync();
        var upstream = fronted.Upstream;
        await using var client = await ConnectSubscribedAsync(fronted);
        var (updated, handler) = ListenForUpdates(client);
        await using var _ = handler;

        await upstream.RestartAsync(Token);
        // The next request finds the old session gone and connects a new one.
        await client.ReadResourceAsync(WatchedResource.Uri, cancellationToken: Token);

        Assert.Equal($"subscribe {WatchedResource.Uri}", await NextRequestAsync(upstream));
        Assert.Equal(WatchedResource.Uri, await UpdateUntilToldAsync(upstream, updated));
    }

    [Fact]
    public async Task UpstreamDownThenBack_ItIsReconnectedInTheBackgroundAndSubscribedAgain()
    {
        await using var fronted = await FrontedUpstream.StartAsync();
        var upstream = fronted.Upstream;
        await using var client = await ConnectSubscribedAsync(fronted);
        await upstream.StopAsync(Token);
        await Assert.ThrowsAnyAsync<McpException>(async () => await client.ReadResourceAsync(WatchedResource.Uri, cancellationToken: Token));

        await upstream.RestartAsync(Token);

        // No request goes to it from here: the subscription alone brings the server back.
        Assert.Equal($"subscribe {WatchedResource.Uri}", await NextRequestAsync(upstream));
    }

    [Fact]
    public async Task Subscribe_NoServerListsTheUri_FailsNamingIt()
    {
        await using var fronted = await FrontedUpstream.StartAsync();
        var (upstream, host) = (fronted.Upstream, fronted.Host);
        await using var client = await host.ConnectClientAsync(Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("test://nobody", cancellationToken: Token));

        Assert.Equal("Request failed (remote): no resource named 'test://nobody' is available; resources/list and resources/templates/list on /mcp show the URIs", error.Message);
        Assert.Empty(Drain(upstream.Watched));
    }

    [Fact]
    public async Task Subscribe_UpstreamOffersNoSubscriptions_FailsSayingSo()
    {
        await using var fronted = await FrontedUpstream.StartAsync(subscribable: false);
        var host = fronted.Host;
        await using var client = await host.ConnectClientAsync(Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync(WatchedResource.Uri, cancellationToken: Token));

        Assert.Equal("Request failed (remote): server 'up' does not offer resource subscriptions (it did not declare resources.subscribe)", error.Message);
    }

    // A client of the host subscribed to the watched resource, once the upstream has seen the subscription.
    private static async Task<McpClient> ConnectSubscribedAsync(FrontedUpstream fronted)
    {
        var client = await fronted.Host.ConnectClientAsync(Token);
        await client.SubscribeToResourceAsync(WatchedResource.Uri, cancellationToken: Token);
        Assert.Equal($"subscribe {WatchedResource.Uri}", await NextRequestAsync(fronted.Upstream));
        return client;
    }

    private static async Task<string> NextRequestAsync(TestMcpServer upstream) =>
        await upstream.Watched.Requests.ReadAsync(Token).AsTask().WaitAsync(s_bound, Token);

    // The URI each resources/updated names, from the first one on.
    private static (Task<string?> Updated, IAsyncDisposable Registration) ListenForUpdates(McpClient client)
    {
        var updated = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = client.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, (notification, _) =>
        {
            updated.TrySetResult(notification.Params?["uri"]?.GetValue<string>());
            return ValueTask.CompletedTask;
        });
        return (updated.Task, registration);
    }

    // Tributary's upstream client opens its GET stream, where updates come, in the background: update until one arrives.
    private static async Task<string?> UpdateUntilToldAsync(TestMcpServer upstream, Task<string?> told)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Token);
        bound.CancelAfter(s_bound);
        while (!told.IsCompleted)
        {
            await upstream.Watched.UpdateAsync(bound.Token);
            await Task.WhenAny(told, Task.Delay(100, bound.Token));
        }

        return await told;
    }

    private static List<string> Drain(WatchedResource watched)
    {
        var requests = new List<string>();
        while (watched.Requests.TryRead(out var request))
        {
            requests.Add(request);
        }

        return requests;
    }

    /// <summary>A test upstream <c>up</c> serving the watched resource, and the host in front of it.</summary>
    private sealed record FrontedUpstream(TestMcpServer Upstream, RunningHost Host) : IAsyncDisposable
    {
        public static async Task<FrontedUpstream> StartAsync(bool subscribable = true)
        {
            var upstream = await TestMcpServer.StartAsync(
                new TestMcpServerOptions { ServerName = "up", IncludeWatchedResource = true, WatchedResourceSubscribable = subscribable },
                Token);
            try
            {
                return new FrontedUpstream(upstream, await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token));
            }
            catch
            {
                await upstream.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Upstream.DisposeAsync();
        }
    }
}
