using System.Globalization;
using System.Reflection;
using ModelContextProtocol.Client;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Benchmarks;

/// <summary>
/// The npm gateways Tributary is compared with, started from the versions pinned in <c>tests/Benchmarks/npm</c>:
/// mcp-proxy and supergateway each turn a server-everything stdio child into streamable HTTP; mcp-hub fronts the
/// benchmark's HTTP server-everything.
/// </summary>
internal static class PeerGateway
{
    private static readonly Lazy<string> s_npmRoot = new(() =>
        typeof(PeerGateway).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BenchmarkNpmRoot").Value!);

    /// <summary>mcp-proxy (punkpeye, Node): one stdio child per session behind <c>/mcp</c>.</summary>
    public static Task<BenchTarget> StartMcpProxyAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var everything = NpmServers.Everything();
        return StartAsync(
            "mcp-proxy",
            port,
            [Script("mcp-proxy", "dist/bin/mcp-proxy.mjs"), "--port", Invariant(port), "--server", "stream", "--", everything.Command, .. everything.Arguments],
            cancellationToken);
    }

    /// <summary>supergateway in stateful mode: sessions as the other targets have them, a stdio child per session.</summary>
    public static Task<BenchTarget> StartSupergatewayAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var everything = NpmServers.Everything();
        var child = string.Join(' ', new[] { everything.Command }.Concat(everything.Arguments).Select(a => $"'{a}'"));
        return StartAsync(
            "supergateway",
            port,
            [Script("supergateway", "dist/index.js"), "--stdio", child, "--outputTransport", "streamableHttp", "--stateful", "--port", Invariant(port), "--logLevel", "none"],
            cancellationToken);
    }

    /// <summary>mcp-hub in front of <paramref name="upstream"/> (server-everything over streamable HTTP).</summary>
    public static Task<BenchTarget> StartMcpHubAsync(Uri upstream, CancellationToken cancellationToken) =>
        McpHubPeer.StartAsync(Script("mcp-hub", "dist/cli.js"), upstream, cancellationToken);

    private static async Task<BenchTarget> StartAsync(string name, int port, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // The loopback preload keeps the peer off other interfaces; exit-with-parent ends it with the benchmark.
        var command = new NodeCommand(
            NodeTools.SystemNode,
            ["--require", NodeTools.LoopbackPreloadScript, "--require", NodeTools.ExitWithParentPreloadScript, .. arguments],
            new Dictionary<string, string>());
        var process = NodeProcess.Start(command, name);
        var url = new Uri($"http://127.0.0.1:{Invariant(port)}/mcp");
        try
        {
            await McpProbe.WaitUntilReadyAsync(url, HttpTransportMode.StreamableHttp, process, TimeSpan.FromSeconds(30), name, cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new BenchTarget(name, "stdio child", url, "echo", process.Id, process);
    }

    private static string Script(string package, string file) => Path.Combine(s_npmRoot.Value, "node_modules", package, file);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
