using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Limits;

/// <summary>
/// How many agent runs go at once (<see cref="LimitOptions.AgentRuns"/>), with a queue in arrival order
/// (<see cref="LimitOptions.AgentRunQueue"/>) in front of them; a run finding the queue full is refused.
/// </summary>
internal sealed class AgentRunLimiter : IAsyncDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    /// <summary>Creates the limiter for the configured limits.</summary>
    public AgentRunLimiter(IOptions<LimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limits = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Limits.AgentRuns,
            QueueLimit = Limits.AgentRunQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The limits in force.</summary>
    public LimitOptions Limits { get; }

    /// <summary>
    /// Waits for a place to run (in the queue, while there is room in it); the lease's <see cref="RateLimitLease.IsAcquired"/>
    /// is <see langword="false"/> when the queue was full. Dispose the lease when the run is over.
    /// </summary>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
