using System.Globalization;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Reads sizes written as a plain number of bytes (<c>1048576</c>) or a whole number with a binary unit:
/// <c>512KiB</c>, <c>16MiB</c>, <c>1GiB</c>; and writes them back the same way.
/// </summary>
public static class SizeParser
{
    private static readonly (string Unit, long Factor)[] Units = [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10)];

    /// <summary>
    /// Reads a configured size, which must be between <paramref name="min"/> and <paramref name="max"/> bytes:
    /// returns <see langword="null"/> and the size, or what is wrong and how to fix it (for a config error).
    /// </summary>
    public static string? Check(string text, long min, long max, out long bytes) =>
        !TryParse(text, out bytes) ? $"'{text}' is not a size; write a number of bytes (1048576) or a whole number with a unit: 512KiB, 16MiB, 1GiB"
        : bytes < min ? $"must be at least {Format(min)}, but is '{text}'; write e.g. '16MiB'"
        : bytes > max ? $"'{text}' is more than the maximum of {Format(max)}; write e.g. '16MiB'"
        : null;

    /// <summary>Parses <paramref name="text"/>; returns <see langword="false"/> when it is not a size at all (or overflows).</summary>
    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var span = text.AsSpan().Trim();
        long factor = 1;
        foreach (var (unit, unitFactor) in Units)
        {
            if (span.EndsWith(unit, StringComparison.Ordinal))
            {
                span = span[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (!long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > long.MaxValue / factor)
        {
            return false;
        }

        bytes = value * factor;
        return true;
    }

    /// <summary>The size in the largest binary unit that divides it (<c>16 MiB</c>), else in bytes (<c>1500 bytes</c>).</summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, factor) in Units)
        {
            if (bytes >= factor && bytes % factor == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / factor} {unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
