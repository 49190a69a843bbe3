using System.IO.Pipelines;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.McpClientRegistry.Tests.Connections;

/// <summary>
/// A real in-process MCP server reached over pipes: the SDK's server and client talk the real
/// protocol, while the test controls when connecting succeeds, fails or hangs, and can kill the session.
/// </summary>
internal sealed class InMemoryUpstream(string name) : IAsyncDisposable
{
    private readonly List<(Pipe ToServer, Pipe ToClient, CancellationTokenSource Stop)> _sessions = [];
    private int _connectCount;

    public string Name { get; } = name;

    public McpServerPrimitiveCollection<McpServerTool> Tools { get; } = [];

    public McpServerPrimitiveCollection<McpServerPrompt> Prompts { get; } = [];

    public int ConnectCount => Volatile.Read(ref _connectCount);

    /// <summary>When set, connecting throws this instead.</summary>
    public Exception? FailConnectWith { get; set; }

    /// <summary>When set, connecting waits for this task first.</summary>
    public Task? ConnectGate { get; set; }

    public InMemoryUpstream WithTool(string toolName, Func<string>? answer = null)
    {
        Tools.Add(new LiteralNameTool(Name, toolName, answer));
        return this;
    }

    public InMemoryUpstream WithEcho()
    {
        Tools.Add(McpServerTool.Create((string message) => $"{Name} echoes {message}", new McpServerToolCreateOptions { Name = "echo" }));
        return this;
    }

    public InMemoryUpstream WithHangingTool()
    {
        Tools.Add(McpServerTool.Create(async (CancellationToken token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return "never";
        }, new McpServerToolCreateOptions { Name = "hang" }));
        return this;
    }

    public async Task<McpClient> ConnectAsync(McpClientOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connectCount);
        if (ConnectGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        if (FailConnectWith is { } failure)
        {
            throw failure;
        }

        var toServer = new Pipe();
        var toClient = new Pipe();
        var stop = new CancellationTokenSource();
        var server = McpServer.Create(
            new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()),
            new McpServerOptions
            {
                ServerInfo = new Implementation { Name = Name, Version = "1.0" },
                ToolCollection = Tools,
                PromptCollection = Prompts.Count > 0 ? Prompts : null,
            });
        _ = RunAsync(server, toClient, stop.Token);
        lock (_sessions)
        {
            _sessions.Add((toServer, toClient, stop));
        }

        return await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), options, cancellationToken: cancellationToken);
    }

    /// <summary>Ends every live session from the server side, as a crashed server would.</summary>
    public async Task KillAsync()
    {
        (Pipe ToServer, Pipe ToClient, CancellationTokenSource Stop)[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
            _sessions.Clear();
        }

        foreach (var (toServer, toClient, stop) in sessions)
        {
            await stop.CancelAsync();
            await toClient.Writer.CompleteAsync();
            await toServer.Reader.CompleteAsync();
            stop.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private static async Task RunAsync(McpServer server, Pipe toClient, CancellationToken cancellationToken)
    {
        try
        {
            await server.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Killed by the test.
        }
        finally
        {
            await server.DisposeAsync();
            await toClient.Writer.CompleteAsync();
        }
    }
}
