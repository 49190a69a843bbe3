using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Health;

/// <summary>
/// On shutdown, keeps the host serving for <c>host.drain</c> before it stops listening. <c>/health/ready</c> is
/// unready from the moment shutdown starts (<see cref="ReadinessHealthCheck"/>), so a load balancer polling it stops
/// sending new work during the pause, while requests already on their way and calls in flight are still served.
/// </summary>
/// <remarks>
/// The host stops its services only after every <see cref="IHostedLifecycleService.StoppingAsync"/> has returned,
/// and the web server is one of them: waiting here is waiting before the listener closes.
/// </remarks>
internal sealed partial class ShutdownDrain(TimeSpan drain, TimeProvider time, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    private int _stopping;

    /// <summary>Whether shutdown has started (this host is draining or past it).</summary>
    public bool Stopping => Volatile.Read(ref _stopping) != 0;

    /// <inheritdoc />
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Drains once: stopping a host that is already stopping does not pause again.
        if (Interlocked.Exchange(ref _stopping, 1) != 0 || drain <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(drain.TotalSeconds);
        try
        {
            await Task.Delay(drain, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: stop now.
        }

        LogDrained();
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(9301, LogLevel.Information, "Stopping: draining for {Seconds} s (host.drain); /health/ready answers 503 and requests are still served until then")]
    private partial void LogDraining(double seconds);

    [LoggerMessage(9302, LogLevel.Information, "Drained: no longer listening; calls in flight finish before the process ends")]
    private partial void LogDrained();
}
