using System.Globalization;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Reads durations written as a plain number of seconds (<c>30</c>, <c>1.5</c>) or a number with a
/// unit: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>.
/// </summary>
public static class DurationParser
{
    /// <summary>The longest duration accepted, so that timers never overflow.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(1);

    /// <summary>
    /// Reads a configured duration, which must be greater than zero and at most <see cref="Max"/>: returns
    /// <see langword="null"/> and the duration, or what is wrong and how to fix it (for a config error).
    /// </summary>
    public static string? Check(string text, out TimeSpan duration) =>
        !TryParse(text, out duration) ? $"'{text}' is not a duration; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h"
        : duration <= TimeSpan.Zero ? $"must be greater than zero, but is '{text}'; write e.g. '30s'"
        : duration > Max ? $"'{text}' is longer than the maximum of 24h; write e.g. '5m'"
        : null;

    /// <summary>
    /// Parses <paramref name="text"/>; returns <see langword="false"/> when it is not a duration at
    /// all. A parsed value may still be zero, negative or above <see cref="Max"/> (then it is
    /// <see cref="TimeSpan.MaxValue"/>): the caller decides.
    /// </summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var span = text.AsSpan().Trim();
        (int unitLength, double factorMs) = span switch
        {
            _ when span.EndsWith("ms", StringComparison.Ordinal) => (2, 1.0),
            _ when span.EndsWith('s') => (1, 1_000.0),
            _ when span.EndsWith('m') => (1, 60_000.0),
            _ when span.EndsWith('h') => (1, 3_600_000.0),
            _ => (0, 1_000.0),
        };

        var number = span[..^unitLength].TrimEnd();
        if (number.IsEmpty
            || !double.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value))
        {
            return false;
        }

        double milliseconds = value * factorMs;
        duration = milliseconds > Max.TotalMilliseconds ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
