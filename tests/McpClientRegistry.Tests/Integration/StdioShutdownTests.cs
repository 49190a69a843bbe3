using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.Diagnostics;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// Shutting down a manager with many stdio servers connected ends every process tree it started and leaves no task
/// whose exception nobody saw. Alone in its collection: unobserved task exceptions are process-wide, so a parallel
/// test's could be counted here.
/// </summary>
[Collection(nameof(StdioShutdownTests))]
[CollectionDefinition(nameof(StdioShutdownTests), DisableParallelization = true)]
public sealed class StdioShutdownTests(ITestOutputHelper output)
{
    private const int ServerCount = 20;

    // Twenty node processes starting at once on a busy machine take a while (connect_timeout is 2m); this only stops a hang.
    private static readonly TimeSpan s_connectBound = TimeSpan.FromMinutes(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_TwentyStdioServersConnected_NoProcessLeftAndNoUnobservedTaskException()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "finds the child processes through /proc");
        var marker = StdioProcesses.NewMarker();
        var memory = Directory.CreateTempSubdirectory("tributary-shutdown-");
        var registry = LiveRegistry.Create("mcp_servers:\n" + MarkedStdioServers.Yaml(ServerCount, marker, memory.FullName), output);
        IReadOnlyList<int> pids;
        IReadOnlyList<Exception> unobserved;
        using (var watch = UnobservedTaskExceptions.Watch())
        {
            try
            {
                await registry.Manager.ConnectAllAsync(Token).WaitAsync(s_connectBound, Token);
                var health = registry.Manager.GetHealth();
                Assert.All(health, h => Assert.True(h.State == ServerState.Connected, $"{h.Name}: {h.State} {h.LastError}"));
                pids = StdioProcesses.WithMarker(marker);
                // Each server is a shell running node: the process tree, not only the child, must end.
                Assert.Equal(ServerCount * MarkedStdioServers.ProcessesPerServer, pids.Count);
            }
            finally
            {
                await registry.DisposeAsync().AsTask().WaitAsync(LiveRegistry.Bound, Token);
                memory.Delete(recursive: true);
            }

            unobserved = watch.CollectNow();
        }

        Assert.Empty(StdioProcesses.Survivors(marker, pids));
        Assert.Empty(unobserved.Select(e => e.ToString()));
    }
}
