using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Client;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Benchmarks;

/// <summary>
/// mcp-hub (ravitemer, Node) in front of the benchmark's server-everything over streamable HTTP. It serves its unified
/// endpoint at <c>/mcp</c> over the older HTTP+SSE transport only (GET <c>/mcp</c>, POST <c>/messages</c>), shares one
/// upstream session among all its clients, and names tools <c>SERVER__TOOL</c>.
/// </summary>
internal sealed class McpHubPeer : IAsyncDisposable
{
    private const string ServerName = "everything";

    private readonly NodeProcess _process;
    private readonly string _directory;

    private McpHubPeer(NodeProcess process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>Starts mcp-hub with a config naming only <paramref name="upstream"/> and waits until echo answers through it.</summary>
    public static async Task<BenchTarget> StartAsync(string script, Uri upstream, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("tributary-bench-mcp-hub-").FullName;
        var config = Path.Combine(directory, "mcp-hub.json");
        await File.WriteAllTextAsync(
            config,
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["mcpServers"] = new Dictionary<string, object> { [ServerName] = new Dictionary<string, string> { ["url"] = upstream.ToString() } },
            }),
            cancellationToken);
        await SeedMarketplaceCacheAsync(directory, cancellationToken);

        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            // Its workspace cache, logs and marketplace cache go to the run's directory, not the user's.
            ["HOME"] = directory,
            ["XDG_DATA_HOME"] = Path.Combine(directory, "data"),
            ["XDG_STATE_HOME"] = Path.Combine(directory, "state"),
            ["XDG_CONFIG_HOME"] = Path.Combine(directory, "config"),
        };
        var command = new NodeCommand(
            NodeTools.SystemNode,
            [
                "--require", NodeTools.LoopbackPreloadScript, "--require", NodeTools.ExitWithParentPreloadScript,
                script, "--port", port.ToString(CultureInfo.InvariantCulture), "--config", config,
            ],
            environment);
        var peer = new McpHubPeer(NodeProcess.Start(command, "mcp-hub"), directory);
        var target = new BenchTarget("mcp-hub", Goals.HttpUpstream, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp"), ServerName + "__echo", peer._process.Id, peer)
        {
            Transport = HttpTransportMode.Sse,
        };
        try
        {
            await McpProbe.WaitUntilReadyAsync(target.McpUrl, HttpTransportMode.Sse, peer._process, TimeSpan.FromSeconds(30), "mcp-hub", cancellationToken);
            await WaitForEchoAsync(target, cancellationToken);
            return target;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    // mcp-hub fetches its server marketplace catalog from the internet at start unless its cache holds a fresh,
    // non-empty one; this machine may send nothing off loopback, so the run's cache holds a one-entry stand-in.
    private static Task SeedMarketplaceCacheAsync(string directory, CancellationToken cancellationToken)
    {
        var cache = Directory.CreateDirectory(Path.Combine(directory, "data", "mcp-hub", "cache")).FullName;
        var catalog = new Dictionary<string, object>
        {
            ["registry"] = new Dictionary<string, object>
            {
                ["version"] = "benchmark",
                ["generatedAt"] = 0,
                ["totalServers"] = 1,
                ["servers"] = new[] { new Dictionary<string, string> { ["id"] = "none", ["name"] = "none" } },
            },
            ["lastFetchedAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["serverDocumentation"] = new Dictionary<string, object>(),
        };
        return File.WriteAllTextAsync(Path.Combine(cache, "registry.json"), JsonSerializer.Serialize(catalog), cancellationToken);
    }

    // mcp-hub accepts clients before it has connected its servers; until then echo is an unknown tool.
    private static async Task WaitForEchoAsync(BenchTarget target, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        using var load = await LeanLoad.ConnectAsync(target, 1, deadline.Token);
        while ((await load.RunAsync(1, deadline.Token)).Errors > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
