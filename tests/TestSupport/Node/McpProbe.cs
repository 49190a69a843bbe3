using ModelContextProtocol.Client;

namespace Tributary.TestSupport.Node;

/// <summary>Waits until an HTTP endpoint completes a real MCP handshake.</summary>
public static class McpProbe
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects repeatedly until one handshake succeeds, the process exits or the timeout passes.</summary>
    /// <param name="endpoint">The MCP endpoint.</param>
    /// <param name="mode">The transport to try.</param>
    /// <param name="process">The server's process: its exit ends the wait with its output.</param>
    /// <param name="timeout">How long to keep trying.</param>
    /// <param name="description">The server, for error messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes after the first successful handshake.</returns>
    public static async Task WaitUntilReadyAsync(
        Uri endpoint,
        HttpTransportMode mode,
        NodeProcess process,
        TimeSpan timeout,
        string description,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var attempts = 0;
        Exception? lastError = null;
        while (!deadline.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{description} exited with code {process.ExitCode} before accepting MCP at {endpoint}. Its output:{Environment.NewLine}{process.Output}");
            }

            attempts++;
            try
            {
                await ConnectOnceAsync(endpoint, mode, deadline.Token);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = deadline.IsCancellationRequested ? lastError : ex;
            }

            // Poll again shortly, or at once if the process exits meanwhile.
            await Task.WhenAny(process.Exited, Task.Delay(s_pollInterval, deadline.Token));
            cancellationToken.ThrowIfCancellationRequested();
        }

        throw new TimeoutException(
            $"{description} did not accept MCP at {endpoint} within {timeout.TotalSeconds:0} s ({attempts} attempts; " +
            $"last error: {lastError?.Message ?? "the attempt timed out"}). Its output:{Environment.NewLine}{process.Output}");
    }

    private static async Task ConnectOnceAsync(Uri endpoint, HttpTransportMode mode, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(s_attemptTimeout);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = mode,
            ConnectionTimeout = s_attemptTimeout,
            Name = "tributary-readiness-probe",
        });
        var client = await McpClient.CreateAsync(
            transport,
            new McpClientOptions { InitializationTimeout = s_attemptTimeout },
            cancellationToken: attempt.Token);
        await client.DisposeAsync();
    }
}
