using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tributary.TestSupport.Network;

/// <summary>
/// A TCP listener on 127.0.0.1 that accepts connections and never answers: HTTP requests to
/// <see cref="Url"/> hang until the client gives up, for connect- and call-timeout tests.
/// </summary>
public sealed class HungServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<Socket> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private readonly TaskCompletionSource _firstConnection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectionCount;

    private HungServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync(_stopping.Token);
    }

    /// <summary>Gets the loopback port.</summary>
    public int Port { get; }

    /// <summary>Gets an MCP-looking URL on this server, <c>http://127.0.0.1:PORT/mcp</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/mcp");

    /// <summary>Gets the number of connections accepted so far.</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>
    /// Gets a task that completes once a connection has been accepted: a client may give up before the accept loop has
    /// run (the kernel completes the handshake on its own), so wait for this rather than read <see cref="ConnectionCount"/>.
    /// </summary>
    public Task FirstConnection => _firstConnection.Task;

    /// <summary>Starts listening.</summary>
    /// <returns>The listening server.</returns>
    public static HungServer Start() => new();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends this way when it is stopped.
        }

        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (SocketException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            // Kept open and never read: the client waits for an answer that does not come.
            lock (_connections)
            {
                _connections.Add(connection);
            }

            Interlocked.Increment(ref _connectionCount);
            _firstConnection.TrySetResult();
        }
    }
}
