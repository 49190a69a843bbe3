using System.Globalization;
using ModelContextProtocol.Client;
using Tributary.TestSupport.Network;
using Xunit;

namespace Tributary.TestSupport.Node;

/// <summary>
/// The real <c>@modelcontextprotocol/server-everything</c> serving streamable HTTP or SSE on a
/// loopback port of its own. Start it with <see cref="StartAsync"/>; dispose it to kill it.
/// </summary>
public sealed class EverythingServer : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private const int PortAttempts = 3;

    private readonly ITestOutputHelper? _output;
    private NodeProcess _process;

    private EverythingServer(EverythingTransport transport, int port, NodeProcess process, ITestOutputHelper? output)
    {
        Transport = transport;
        Port = port;
        _process = process;
        _output = output;
        var path = transport == EverythingTransport.Sse ? "/sse" : "/mcp";
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}");
    }

    /// <summary>
    /// Gets the command that runs server-everything over stdio (<c>node …/dist/index.js stdio</c>),
    /// for configs where Tributary launches it.
    /// </summary>
    public static NodeCommand StdioCommand => NpmServers.Everything();

    /// <summary>Gets the transport this server speaks.</summary>
    public EverythingTransport Transport { get; }

    /// <summary>Gets the loopback port; it stays the same across <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>
    /// Gets the MCP endpoint: <c>http://127.0.0.1:PORT/mcp</c> for streamable HTTP,
    /// <c>http://127.0.0.1:PORT/sse</c> for SSE.
    /// </summary>
    public Uri Url { get; }

    /// <summary>Gets the SDK transport mode matching <see cref="Transport"/>.</summary>
    public HttpTransportMode TransportMode =>
        Transport == EverythingTransport.Sse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp;

    /// <summary>Gets the id of the server's node process (its CPU and memory, for the benchmark).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Gets whether the server process is running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Gets the server's recent stdout and stderr lines, for assertion messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the server and waits until it completes an MCP handshake.</summary>
    /// <param name="transport">The transport to serve.</param>
    /// <param name="output">The test's output, to copy the server's lines to.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<EverythingServer> StartAsync(
        EverythingTransport transport = EverythingTransport.StreamableHttp,
        ITestOutputHelper? output = null,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var server = new EverythingServer(transport, port, Launch(transport, port, output), output);
            try
            {
                await server.WaitUntilReadyAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < PortAttempts && IsPortTaken(server.Output))
            {
                // Another process took the port between FreePort.Next() and listen: try another one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills the server and every process it started, and waits until it has exited.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the server is gone.</returns>
    public Task KillAsync(CancellationToken cancellationToken = default) => _process.KillAsync(cancellationToken);

    /// <summary>
    /// Kills the server if it is running and starts a new one on the same port; sessions of the old
    /// one are gone, as after a real upstream restart.
    /// </summary>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>A task that completes when the new server accepts MCP.</returns>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await _process.DisposeAsync();
        _process = Launch(Transport, Port, _output);
        await WaitUntilReadyAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static NodeProcess Launch(EverythingTransport transport, int port, ITestOutputHelper? output)
    {
        var mode = transport == EverythingTransport.Sse ? "sse" : "streamableHttp";
        var command = new NodeCommand(
            NodeTools.SystemNode,
            [
                "--require", NodeTools.LoopbackPreloadScript,
                "--require", NodeTools.ExitWithParentPreloadScript,
                NodeTools.EverythingScript,
                mode,
            ],
            new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) });
        return NodeProcess.Start(command, $"everything:{mode}:{port.ToString(CultureInfo.InvariantCulture)}", output);
    }

    private static bool IsPortTaken(string output) =>
        output.Contains("EADDRINUSE", StringComparison.Ordinal) || output.Contains("already in use", StringComparison.Ordinal);

    private Task WaitUntilReadyAsync(CancellationToken cancellationToken) =>
        McpProbe.WaitUntilReadyAsync(
            Url, TransportMode, _process, s_startTimeout, $"server-everything ({Transport})", cancellationToken);
}
