using System.Diagnostics;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>Upstreams that die and come back: the manager notices, reports it and recovers.</summary>
public sealed class UpstreamRecoveryTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(EverythingTransport.StreamableHttp)]
    [InlineData(EverythingTransport.Sse)]
    public async Task CallTool_HttpServerKilledThenRestarted_FailsClearlyThenRecovers(EverythingTransport transport)
    {
        await using var server = await EverythingServer.StartAsync(transport, output, Token);
        await using var registry = LiveRegistry.Create(HttpYaml(server), output);
        Assert.Equal("Echo: before", await registry.CallTextAsync("everything__echo", Message("before"), Token));

        await server.KillAsync(Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => registry.CallTextAsync("everything__echo", Message("down"), Token));

        Assert.Equal("everything", error.ServerName);
        Assert.Equal(UpstreamFailureKind.Unavailable, error.Kind);
        // Whichever notices the death first (this call, or the transport dropping the tools), the
        // error names the server and the reason.
        string[] expected =
        [
            $"server 'everything' is unreachable: Connection refused (127.0.0.1:{server.Port})",
            $"no tool named 'everything__echo' is available: server 'everything' failed: Connection refused (127.0.0.1:{server.Port})",
        ];
        Assert.Contains(error.Message, expected);
        var down = registry.Health("everything");
        Assert.Equal(ServerState.Failed, down.State);
        Assert.Equal($"Connection refused (127.0.0.1:{server.Port})", down.LastError);
        Assert.Equal(0, down.ToolCount);

        await server.RestartAsync(Token);
        var text = await CallUntilItWorksAsync(registry, "everything__echo", Message("after"));

        Assert.Equal("Echo: after", text);
        var up = registry.Health("everything");
        Assert.Equal(ServerState.Connected, up.State);
        Assert.Null(up.LastError);
    }

    [Theory]
    [InlineData(EverythingTransport.StreamableHttp)]
    [InlineData(EverythingTransport.Sse)]
    public async Task CallTool_HttpServerRestartedBetweenCalls_NextCallSucceeds(EverythingTransport transport)
    {
        await using var server = await EverythingServer.StartAsync(transport, output, Token);
        await using var registry = LiveRegistry.Create(HttpYaml(server), output);
        Assert.Equal("Echo: before", await registry.CallTextAsync("everything__echo", Message("before"), Token));

        await server.RestartAsync(Token);
        var text = await registry.CallTextAsync("everything__echo", Message("after"), Token);

        Assert.Equal("Echo: after", text);
        Assert.Equal(ServerState.Connected, registry.Health("everything").State);
    }

    [Fact]
    public async Task StdioServerKilled_ManagerRestartsItWithoutAnyCall()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "finds the child process through /proc");
        var marker = StdioProcesses.NewMarker();
        await using var registry = LiveRegistry.Create(StdioYaml(marker), output);
        await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);
        var firstPid = StdioProcesses.SingleWithMarker(marker);
        Assert.Contains(NodeTools.EverythingScript, StdioProcesses.CommandLine(firstPid), StringComparison.Ordinal);
        var failed = new TaskCompletionSource<ServerHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource<ServerHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Catalog.Changed += (_, _) =>
        {
            var health = registry.Health("everything");
            if (health.State == ServerState.Failed)
            {
                failed.TrySetResult(health);
            }
            else if (health.State == ServerState.Connected && failed.Task.IsCompleted)
            {
                reconnected.TrySetResult(health);
            }
        };

        using (var child = Process.GetProcessById(firstPid))
        {
            child.Kill();
        }

        var down = await failed.Task.WaitAsync(LiveRegistry.Bound, Token);
        var up = await reconnected.Task.WaitAsync(LiveRegistry.Bound, Token);

        Assert.StartsWith("the process exited", down.LastError, StringComparison.Ordinal);
        Assert.NotNull(down.NextAttempt);
        Assert.Equal(0, down.ToolCount);
        Assert.Null(up.LastError);
        Assert.True(up.ToolCount > 0);
        var secondPid = StdioProcesses.SingleWithMarker(marker);
        Assert.NotEqual(firstPid, secondPid);
        Assert.Equal("Echo: again", await registry.CallTextAsync("everything__echo", Message("again"), Token));
    }

    [Fact]
    public async Task DisposeAsync_StdioServerRunning_EndsTheProcess()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "finds the child process through /proc");
        var marker = StdioProcesses.NewMarker();
        var registry = LiveRegistry.Create(StdioYaml(marker), output);
        int pid;
        try
        {
            Assert.Equal("Echo: hi", await registry.CallTextAsync("everything__echo", Message("hi"), Token));
            pid = StdioProcesses.SingleWithMarker(marker);
        }
        finally
        {
            await registry.DisposeAsync().AsTask().WaitAsync(LiveRegistry.Bound, Token);
        }

        Assert.False(StdioProcesses.IsAlive(pid), $"process {pid} ({NodeTools.EverythingScript}) is still running after the manager was disposed");
        Assert.Empty(StdioProcesses.WithMarker(marker));
    }

    private static string HttpYaml(EverythingServer server) => $"""
        mcp_servers:
          everything:
            transport: {(server.Transport == EverythingTransport.Sse ? "sse" : "streamable-http")}
            url: {server.Url}
        """;

    internal static string StdioYaml(string marker) => $"""
        mcp_servers:
          everything:
            transport: stdio
            command: {LiveRegistry.Quote(NpmServers.Everything().Command)}
            args: [{string.Join(", ", NpmServers.Everything().Arguments.Select(LiveRegistry.Quote))}]
            env: {"{"} {StdioProcesses.MarkerVariable}: {LiveRegistry.Quote(marker)} {"}"}
        """;

    private static Dictionary<string, object?> Message(string text) => new() { ["message"] = text };

    /// <summary>Calls until the call succeeds (the server is coming back and the manager backs off), within the bound.</summary>
    private async Task<string> CallUntilItWorksAsync(LiveRegistry registry, string tool, IReadOnlyDictionary<string, object?> arguments)
    {
        var deadline = Stopwatch.StartNew();
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            try
            {
                return await registry.CallTextAsync(tool, arguments, Token);
            }
            catch (UpstreamException e) when (deadline.Elapsed < LiveRegistry.Bound)
            {
                output.WriteLine($"not yet ({deadline.ElapsedMilliseconds} ms): {e.Kind}: {e.Message}");
                await retry.WaitForNextTickAsync(Token);
            }
        }
    }
}
