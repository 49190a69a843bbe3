using System.Globalization;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>Writes durations the way the registry reads them: <c>500ms</c>, <c>15s</c>, <c>2m</c>.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan value) => value switch
    {
        { TotalSeconds: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0}ms"),
        { TotalMinutes: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#}s"),
        { TotalHours: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes:0.#}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value.TotalHours:0.#}h"),
    };
}
