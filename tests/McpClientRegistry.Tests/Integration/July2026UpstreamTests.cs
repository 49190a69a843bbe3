using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// Streamable HTTP upstreams get the newest revision they speak: a session-less 2026-07-28 server is called without
/// a session, and its restart goes unnoticed; a server with sessions keeps its 2025-11-25 session.
/// </summary>
public sealed class July2026UpstreamTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_StatelessServerRestartedBetweenCalls_BothCallsSpeak2026WithoutAReconnect()
    {
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fresh", Stateless = true, Output = output }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  fresh:\n    url: {server.Url}\n", output);
        Assert.Equal("fresh:echo:{\"n\":1}", await registry.CallTextAsync("fresh__echo", new Dictionary<string, object?> { ["n"] = 1 }, Token));
        int discoveries = server.DiscoverCount;

        await server.RestartAsync(Token);
        var text = await registry.CallTextAsync("fresh__echo", new Dictionary<string, object?> { ["n"] = 2 }, Token);

        Assert.Equal("fresh:echo:{\"n\":2}", text);
        Assert.Equal(["2026-07-28", "2026-07-28"], server.ToolCallRevisions);
        // Connecting is one server/discover; no second one means the connection was never rebuilt.
        Assert.Equal(1, discoveries);
        Assert.Equal(1, server.DiscoverCount);
        var health = registry.Health("fresh");
        Assert.Equal(ServerState.Connected, health.State);
        Assert.Null(health.LastError);
    }

    [Fact]
    public async Task Probe_StatelessServer_IsHealthyThroughServerDiscover()
    {
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "fresh", Stateless = true, Output = output }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  fresh:\n    url: {server.Url}\n", output);

        var health = Assert.Single(await registry.Manager.ProbeAllAsync(Token));

        Assert.Equal(ServerState.Connected, health.State);
        Assert.NotNull(health.Latency);
        Assert.Equal(0, server.PingCount);
        Assert.Equal(2, server.DiscoverCount);
    }

    [Fact]
    public async Task CallTool_ParameterMarkedAsHeaderAndNameOutsideAscii_TheServerAcceptsTheHeaders()
    {
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "fresh", Stateless = true, Tools = ["grüße"], IncludeRouteTool = true, Output = output }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  fresh:\n    url: {server.Url}\n", output);

        var routed = await registry.CallTextAsync("fresh__route", new Dictionary<string, object?> { ["region"] = "eu-west" }, Token);
        var greeted = await registry.CallTextAsync(Assert.Single(registry.Catalog.Current.Tools, t => t.ServerName == "fresh" && t.Definition.Name == "grüße").Name, null, Token);

        Assert.Equal("routed to eu-west", routed);
        Assert.Equal("fresh:grüße:{}", greeted);
        Assert.Equal(["2026-07-28", "2026-07-28"], server.ToolCallRevisions);
    }

    [Fact]
    public async Task CallTool_ServerWithSessions_Keeps2025Session()
    {
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "classic", Output = output }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  classic:\n    url: {server.Url}\n", output);

        var text = await registry.CallTextAsync("classic__echo", null, Token);

        Assert.Equal("classic:echo:{}", text);
        Assert.Equal(["none"], server.ToolCallRevisions);
    }

    [Theory]
    [InlineData("2025-03-26")]
    [InlineData("2024-11-05")]
    public async Task CallTool_LegacySseServerOfAnOlderRevision_ConnectsWithTheRevisionItSpeaks(string revision)
    {
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "old", ProtocolVersion = revision, Output = output }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  old:\n    transport: sse\n    url: {server.SseUrl}\n", output);

        var text = await registry.CallTextAsync("old__echo", null, Token);

        Assert.Equal("old:echo:{}", text);
        var health = registry.Health("old");
        Assert.Equal(ServerState.Connected, health.State);
        Assert.Null(health.LastError);
    }
}
