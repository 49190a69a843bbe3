using Tributary.McpClientRegistry.Configuration;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>A reload that changes a subscribed server's entry keeps its subscribers: the new connection subscribes again.</summary>
public sealed class SubscriptionReloadTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_SubscribedServerReconfigured_NewConnectionSubscribesAgainAndUnsubscribesForTheLastSubscriber()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeWatchedResource = true }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  up:\n    url: {upstream.Url}\n", output);
        await registry.Manager.SubscribeAsync("up", WatchedResource.Uri, Token);
        Assert.Equal($"subscribe {WatchedResource.Uri}", await NextRequestAsync(upstream));

        var changes = await registry.Manager.ApplyAsync(Parse($"mcp_servers:\n  up:\n    url: {upstream.Url}\n    timeout: 45s\n"), Token);

        Assert.Equal(["up"], changes.Changed);
        Assert.Equal($"subscribe {WatchedResource.Uri}", await NextRequestAsync(upstream));

        // The subscriber carried over is the last one: leaving tells the server, on the new connection.
        await registry.Manager.UnsubscribeAsync("up", WatchedResource.Uri, Token);
        Assert.Equal($"unsubscribe {WatchedResource.Uri}", await NextRequestAsync(upstream));
    }

    private static async Task<string> NextRequestAsync(TestMcpServer upstream) =>
        await upstream.Watched.Requests.ReadAsync(Token).AsTask().WaitAsync(LiveRegistry.Bound, Token);

    private static RegistryConfig Parse(string yaml)
    {
        var result = RegistryConfigLoader.Parse(yaml, "integration.yml");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config;
    }
}
