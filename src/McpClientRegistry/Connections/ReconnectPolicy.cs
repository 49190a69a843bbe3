using Polly;
using Polly.CircuitBreaker;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The resilience pipeline around connecting to one server: a circuit breaker whose break grows
/// exponentially with jitter, so a dead server is tried less and less often and callers fail fast
/// meanwhile, inside which each attempt is bounded by the server's <c>connect_timeout</c>.
/// </summary>
internal static class ReconnectPolicy
{
    public static readonly TimeSpan FirstBreak = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestBreak = TimeSpan.FromSeconds(60);

    public static ResiliencePipeline Create(TimeSpan connectTimeout, TimeProvider timeProvider, Action<TimeSpan> onOpened) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromMinutes(5),
                // Cancellation only comes from shutting down; the timeout strategy throws its own exception.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
                BreakDurationGenerator = args => ValueTask.FromResult(BreakAfter(args.HalfOpenAttempts)),
                OnOpened = args =>
                {
                    onOpened(args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(connectTimeout)
            .Build();

    /// <summary>The pause after <paramref name="failedRetries"/> failed retries: 1s, 2s, 4s ... 60s, ±20% jitter.</summary>
    public static TimeSpan BreakAfter(int failedRetries)
    {
        var exponential = FirstBreak.TotalMilliseconds * Math.Pow(2, Math.Min(failedRetries, 16));
        var capped = Math.Min(exponential, LongestBreak.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter spreads reconnects; it needs no cryptographic randomness.
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
