using System.Collections.Concurrent;
using System.Text;
using Tributary.McpClientRegistry.Health;
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

    // Twenty node processes starting at once on a busy machine take a while; this only stops a hang.
    private static readonly TimeSpan s_connectBound = TimeSpan.FromMinutes(3);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_TwentyStdioServersConnected_NoProcessLeftAndNoUnobservedTaskException()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "finds the child processes through /proc");
        var marker = StdioProcesses.NewMarker();
        var memory = Directory.CreateTempSubdirectory("tributary-shutdown-");
        var registry = LiveRegistry.Create(Yaml(marker, memory.FullName), output);
        IReadOnlyList<int> pids;
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);

        // What earlier tests left for the finalizer is theirs, not this test's.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            try
            {
                await registry.Manager.ConnectAllAsync(Token).WaitAsync(s_connectBound, Token);
                var health = registry.Manager.GetHealth();
                Assert.All(health, h => Assert.True(h.State == ServerState.Connected, $"{h.Name}: {h.State} {h.LastError}"));
                pids = StdioProcesses.WithMarker(marker);
                // Each server is a shell running node: the process tree, not only the child, must end.
                Assert.Equal(ServerCount * 2, pids.Count);
            }
            finally
            {
                await registry.DisposeAsync().AsTask().WaitAsync(LiveRegistry.Bound, Token);
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
            memory.Delete(recursive: true);
        }

        Assert.Empty(pids.Where(StdioProcesses.IsAlive).Select(pid => $"{pid}: {CommandLineOf(pid)}"));
        Assert.Empty(StdioProcesses.WithMarker(marker));
        Assert.Empty(unobserved.Select(e => e.ToString()));
    }

    private static string Yaml(string marker, string memoryDirectory)
    {
        var memory = NpmServers.Memory(Path.Combine(memoryDirectory, "unused.jsonl"));
        var yaml = new StringBuilder("mcp_servers:\n");
        for (var i = 1; i <= ServerCount; i++)
        {
            // A shell that waits for node (not exec'ing it), so each server is a tree of two processes.
            yaml.Append($"""
                  memory{i}:
                    transport: stdio
                    command: /bin/sh
                    args: ["-c", {LiveRegistry.Quote("\"$0\" \"$@\"; exit $?")}, {LiveRegistry.Quote(memory.Command)}, {string.Join(", ", memory.Arguments.Select(LiveRegistry.Quote))}]
                    env: {"{"} {StdioProcesses.MarkerVariable}: {LiveRegistry.Quote(marker)}, MEMORY_FILE_PATH: {LiveRegistry.Quote(Path.Combine(memoryDirectory, $"memory{i}.jsonl"))} {"}"}
                    connect_timeout: 2m

                """);
        }

        return yaml.ToString();
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return StdioProcesses.CommandLine(pid);
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }
}
