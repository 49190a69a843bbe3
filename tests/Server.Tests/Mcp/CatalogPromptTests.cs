using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Mcp;

[Collection(EverythingHostGroup.Name)]
public sealed class CatalogPromptTests(EverythingHost everything)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAndGet_EverythingOverStdio_ListsPrefixedPromptsAndGetsTheUpstreamText()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var prompts = await client.ListPromptsAsync(cancellationToken: Token);
        var simple = Assert.Single(prompts, p => p.Name == "everything__simple-prompt");
        var completable = Assert.Single(prompts, p => p.Name == "everything__completable-prompt");
        var result = await client.GetPromptAsync("everything__simple-prompt", cancellationToken: Token);

        Assert.Equal("A prompt with no arguments", simple.Description);
        Assert.Equal(["department", "name"], completable.ProtocolPrompt.Arguments?.Select(a => a.Name));
        var message = Assert.Single(result.Messages);
        Assert.Equal("This is a simple prompt without arguments.", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    [Fact]
    public async Task Get_WithArguments_PassesThemToTheUpstream()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var result = await client.GetPromptAsync(
            "everything__completable-prompt",
            new Dictionary<string, object?> { ["department"] = "Sales", ["name"] = "Eve" },
            cancellationToken: Token);

        var message = Assert.Single(result.Messages);
        Assert.Equal("Please promote Eve to the head of the Sales team.", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    [Fact]
    public async Task Get_UpstreamUnreachable_IsJsonRpcErrorNamingTheServer()
    {
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("gone", HealthEndpointTests.DeadUrl(FreePort.Next())), Token);
        await using var client = await host.ConnectClientAsync(Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await client.GetPromptAsync("gone__anything", cancellationToken: Token));

        Assert.Contains("no prompt named 'gone__anything' is available: server 'gone'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoServerHasThePrompt_IsJsonRpcErrorSayingWhereTheNamesAreListed()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var error = await Assert.ThrowsAsync<McpProtocolException>(
            async () => await client.GetPromptAsync("nobody__anything", cancellationToken: Token));

        Assert.Equal("Request failed (remote): no prompt named 'nobody__anything' is available; prompts/list on /mcp shows the names", error.Message);
    }

    [Fact]
    public async Task Initialize_CatalogNotLoadedYet_DeclaresPromptsAndResourcesWithListChanged()
    {
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("gone", HealthEndpointTests.DeadUrl(FreePort.Next())), Token);
        await using var client = await host.ConnectClientAsync(Token);

        Assert.True(client.ServerCapabilities.Prompts?.ListChanged);
        Assert.True(client.ServerCapabilities.Resources?.ListChanged);
        Assert.NotNull(client.ServerCapabilities.Completions);
    }
}
