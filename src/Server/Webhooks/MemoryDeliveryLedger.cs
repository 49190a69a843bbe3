using Microsoft.Extensions.Options;

namespace Tributary.Server.Webhooks;

/// <summary>
/// The deliveries of this process, each forgotten <see cref="WebhookOptions.DeliveryMemory"/> after it was claimed
/// (by <see cref="TimeProvider"/>), and never more than <see cref="MaxEntries"/> (the oldest go first).
/// </summary>
internal sealed class MemoryDeliveryLedger(IOptions<WebhookOptions> options, TimeProvider time) : IDeliveryLedger
{
    /// <summary>The most keys remembered at once.</summary>
    public const int MaxEntries = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    // Claims in time order; the memory is constant, so this is also expiry order.
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Expire(now);
            if (keys.Any(_expiries.ContainsKey))
            {
                return ValueTask.FromResult(false);
            }

            var expires = now + options.Value.DeliveryMemory;
            foreach (var key in keys)
            {
                _expiries[key] = expires;
                _order.Enqueue((key, expires));
            }

            while (_expiries.Count > MaxEntries && _order.TryDequeue(out var oldest))
            {
                Forget(oldest.Key, oldest.Expires);
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _expiries.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            _order.Dequeue();
            Forget(oldest.Key, oldest.Expires);
        }
    }

    // A key released and claimed again has a later expiry than its old entry in the order, which must not remove it.
    private void Forget(string key, DateTimeOffset expires)
    {
        if (_expiries.TryGetValue(key, out var current) && current == expires)
        {
            _expiries.Remove(key);
        }
    }
}
