using System.Globalization;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>A message over a server's <c>max_message_size</c> costs that server's call and connection, nothing else.</summary>
public sealed class UpstreamMessageSizeTests(ITestOutputHelper output) : IDisposable
{
    private const long HugeLine = 200L * 1024 * 1024;

    private readonly string _progressFile = Path.Combine(Path.GetTempPath(), $"tributary-flood-{Guid.NewGuid():N}.txt");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => File.Delete(_progressFile);

    [Fact]
    public async Task CallTool_StdioServerWritesA200MiBLine_FailsNamingTheServerAndLimitBeforeTheLineIsWrittenAndReconnects()
    {
        await using var other = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "other", Output = output }, Token);
        await using var registry = LiveRegistry.Create(FloodYaml("1MiB") + $"  other:\n    url: {other.Url}\n", output, new Dictionary<string, string> { ["PROGRESS"] = _progressFile });
        Assert.Equal("flood:before", await registry.CallTextAsync("flood__echo", new Dictionary<string, object?> { ["message"] = "before" }, Token));

        var error = await Assert.ThrowsAsync<UpstreamException>(() =>
            registry.Catalog.CallToolAsync("flood__flood", new Dictionary<string, object?> { ["bytes"] = HugeLine }, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal(
            "server 'flood' lost its connection during tools/call 'flood': it sent a message larger than 1 MiB (max_message_size), so Tributary stopped reading it and dropped the connection; raise max_message_size for this server if its messages are that large; the request was not retried because it may already have run",
            error.Message);
        Assert.InRange(long.Parse(await File.ReadAllTextAsync(_progressFile, Token), CultureInfo.InvariantCulture), 1, 8L * 1024 * 1024);
        Assert.Equal("other:echo:{}", await registry.CallTextAsync("other__echo", null, Token));
        Assert.Equal("flood:after", await registry.CallTextAsync("flood__echo", new Dictionary<string, object?> { ["message"] = "after" }, Token));
        Assert.Equal(ServerState.Connected, registry.Health("flood").State);
    }

    [Fact]
    public async Task CallTool_StdioServerWritesWithoutEnd_FailsAtTheLimitAndTheHealthSaysWhy()
    {
        await using var registry = LiveRegistry.Create(FloodYaml("2MiB"), output, new Dictionary<string, string> { ["PROGRESS"] = _progressFile });

        var error = await Assert.ThrowsAsync<UpstreamException>(() =>
            registry.Catalog.CallToolAsync("flood__endless", null, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal(UpstreamFailureKind.ConnectionLost, error.Kind);
        Assert.Contains("it sent a message larger than 2 MiB (max_message_size)", error.Message, StringComparison.Ordinal);
        var health = registry.Health("flood");
        Assert.StartsWith("it sent a message larger than 2 MiB (max_message_size)", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallTool_HttpServerAnswersOverTheLimit_FailsNamingTheLimitAndTheNextCallWorks()
    {
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "big", Output = output }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  big:\n    url: {server.Url}\n    max_message_size: 64KiB\n", output);
        var echoed = new Dictionary<string, object?> { ["text"] = new string('x', 128 * 1024) };

        var error = await Assert.ThrowsAsync<UpstreamException>(() =>
            registry.Catalog.CallToolAsync("big__echo", echoed, CallContext.None, Token).WaitAsync(LiveRegistry.Bound, Token));

        Assert.Equal(
            "server 'big' lost its connection during tools/call 'echo': it sent a message larger than 64 KiB (max_message_size), so Tributary stopped reading it and dropped the connection; raise max_message_size for this server if its messages are that large; the request was not retried because it may already have run",
            error.Message);
        Assert.Equal(1, server.ToolCallCount);
        Assert.Equal("big:echo:{\"text\":\"small\"}", await registry.CallTextAsync("big__echo", new Dictionary<string, object?> { ["text"] = "small" }, Token));
    }

    private static string FloodYaml(string maxMessageSize) =>
        $$"""
        mcp_servers:
          flood:
            transport: stdio
            command: {{LiveRegistry.Quote(NodeTools.SystemNode)}}
            args: [{{LiveRegistry.Quote(Path.Combine(NodeTools.NpmRoot, "scripts", "flood-upstream.mjs"))}}]
            env: { FLOOD_PROGRESS_FILE: "${PROGRESS}" }
            max_message_size: {{maxMessageSize}}
        """ + "\n";
}
