using System.Text.Json;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// The TypeScript SDK's client aborts a call through <c>/mcp</c> (<c>npm/scripts/ts-client-abort.mjs</c>):
/// the caller's promise rejects at once, the upstream is told to cancel the request, and the session and the upstream go on.
/// </summary>
public sealed class TypeScriptClientCancellationTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AbortSignal_CallInFlightUpstream_RejectsAndTheSameUpstreamStillAnswers()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeHangTool = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        var script = Path.Combine(NodeTools.NpmRoot, "scripts", "ts-client-abort.mjs");
        var command = new NodeCommand(NodeTools.SystemNode, [script, new Uri(host.BaseAddress, "/mcp").ToString(), "up__hang", "up__echo"], new Dictionary<string, string>());
        await using var client = NodeProcess.Start(command, "ts-client-abort", TestContext.Current.TestOutputHelper);

        var processing = await upstream.HangStarted.WaitAsync(s_bound, Token);
        await client.WriteLineAsync("abort", Token);
        var outcomeLine = await client.WaitForOutputLineAsync(l => l.StartsWith('{'), Token).WaitAsync(s_bound, Token);
        await client.Exited.WaitAsync(s_bound, Token);

        Assert.True(client.ExitCode == 0, $"ts-client-abort exited with {client.ExitCode}:{Environment.NewLine}{client.Output}");
        using var outcome = JsonDocument.Parse(outcomeLine);
        var root = outcome.RootElement;
        Assert.True(root.GetProperty("rejected").GetBoolean());
        Assert.Contains("AbortError", root.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("up:echo:{\"message\":\"after\"}", root.GetProperty("echoAfterAbort").GetString());
        // The abort reached the upstream as notifications/cancelled for the request it was processing.
        Assert.Equal(processing, await upstream.CancelledNotificationReceived.WaitAsync(s_bound, Token));
        await upstream.HangCancelled.WaitAsync(s_bound, Token);
    }
}
