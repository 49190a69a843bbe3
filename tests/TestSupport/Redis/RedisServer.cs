using System.Globalization;
using StackExchange.Redis;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;
using Xunit;

namespace Tributary.TestSupport.Redis;

/// <summary>
/// A real <c>redis-server</c> (the Debian package the test build installs) on 127.0.0.1 and a free port, with no
/// persistence, stopped on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int Attempts = 3;

    // E publishes on __keyevent@<db>__:<command>, A for every class of command. Without K or E Redis publishes
    // nothing whatever classes follow, which is how an earlier "g$xe" left WaitForAnyKeyAsync blind.
    private const string KeyEvents = "EA";

    private readonly NodeProcess _process;

    private RedisServer(NodeProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string, <c>127.0.0.1:PORT</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts the server and waits until it accepts connections; a port taken meanwhile is retried with another.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort.Next();
            var command = new NodeCommand(
                "redis-server",
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "notice", "--notify-keyspace-events", KeyEvents],
                new Dictionary<string, string>());
            var process = NodeProcess.Start(command, $"redis:{port}", TestContext.Current.TestOutputHelper);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                await process.WaitForOutputLineAsync(line => line.Contains("Ready to accept connections", StringComparison.Ordinal), timeout.Token);
                return new RedisServer(process, port);
            }
            catch (InvalidOperationException) when (attempt < Attempts)
            {
                // Exited before it was ready: most likely the port was taken between FreePort and the bind.
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Completes once the database holds at least one key. Caches write Redis in the background after they
    /// answer, so a test that restarts a host waits for the write first; keyspace notifications, no polling.
    /// </summary>
    public async Task WaitForAnyKeyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriber = connection.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Pattern("__keyevent@*__:*"), (_, _) => written.TrySetResult());
        if (await connection.GetServer(Configuration).DatabaseSizeAsync() > 0)
        {
            return;
        }

        await written.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
