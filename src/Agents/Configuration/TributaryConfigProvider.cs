namespace Tributary.Agents.Configuration;

/// <summary>
/// The configuration in effect: the one loaded at start, then each one a live reload applied. Readers take
/// <see cref="Current"/> once per piece of work (an agent run reads its agent and model from one snapshot) and never lock.
/// </summary>
/// <param name="initial">The configuration loaded at start.</param>
public sealed class TributaryConfigProvider(TributaryConfig initial)
{
    private TributaryConfig _current = initial ?? throw new ArgumentNullException(nameof(initial));

    /// <summary>The configuration in effect now.</summary>
    public TributaryConfig Current => Volatile.Read(ref _current);

    /// <summary>
    /// Makes <paramref name="next"/> the configuration in effect; work already running keeps the snapshot it took.
    /// Called by the host's reload once the new configuration is valid and its registry applied.
    /// </summary>
    public void Update(TributaryConfig next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
    }
}
