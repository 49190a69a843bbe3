using Microsoft.Extensions.DependencyInjection;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.Diagnostics;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Host;

/// <summary>
/// Stopping the host (as <c>tributary serve</c> does on Ctrl+C) with twenty stdio servers connected and a client still on
/// <c>/mcp</c> ends every server's process tree and leaves no task whose exception nobody saw. Alone in its collection:
/// unobserved task exceptions are process-wide, so a parallel test's could be counted here.
/// </summary>
[Collection(nameof(HostShutdownTests))]
[CollectionDefinition(nameof(HostShutdownTests), DisableParallelization = true)]
public sealed class HostShutdownTests
{
    private const int ServerCount = 20;

    // Twenty node processes starting at once on a busy machine take a while (connect_timeout is 2m); this only stops a hang.
    private static readonly TimeSpan s_connectBound = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_stopBound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stop_TwentyStdioServersConnected_NoProcessLeftAndNoUnobservedTaskException()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "finds the child processes through /proc");
        var marker = StdioProcesses.NewMarker();
        var memory = Directory.CreateTempSubdirectory("tributary-host-shutdown-");
        IReadOnlyList<int> pids;
        IReadOnlyList<Exception> unobserved;
        using (var watch = UnobservedTaskExceptions.Watch())
        {
            var host = await RunningHost.StartAsync(MarkedStdioServers.Yaml(ServerCount, marker, memory.FullName), Token);
            var client = await host.ConnectClientAsync(Token);
            try
            {
                await client.ListToolsAsync(cancellationToken: Token);
                var manager = host.Services.GetRequiredService<McpConnectionManager>();
                await manager.ConnectAllAsync(Token).WaitAsync(s_connectBound, Token);
                Assert.All(manager.GetHealth(), h => Assert.True(h.State == ServerState.Connected, $"{h.Name}: {h.State} {h.LastError}"));
                pids = StdioProcesses.WithMarker(marker);
                // Each server is a shell running node: the process tree, not only the child, must end.
                Assert.Equal(ServerCount * MarkedStdioServers.ProcessesPerServer, pids.Count);
            }
            finally
            {
                // The client is still connected while the host stops, as clients are when an operator stops it.
                await host.DisposeAsync().AsTask().WaitAsync(s_stopBound, Token);
                await client.DisposeAsync();
                memory.Delete(recursive: true);
            }

            unobserved = watch.CollectNow();
        }

        Assert.Empty(StdioProcesses.Survivors(marker, pids));
        Assert.Empty(unobserved.Select(e => e.ToString()));
    }
}
