using System.Globalization;

namespace Tributary.Server.Cli;

/// <summary>Counts with their noun: "1 error", "3 errors".</summary>
internal static class Plural
{
    /// <summary><paramref name="count"/> followed by <paramref name="noun"/>, with an s unless it is one.</summary>
    public static string Of(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
