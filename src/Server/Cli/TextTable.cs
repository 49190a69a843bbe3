namespace Tributary.Server.Cli;

/// <summary>Lays rows out in columns two spaces apart, each as wide as its widest cell (the last one unpadded).</summary>
internal static class TextTable
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="writer"/>, each line prefixed by <paramref name="indent"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<IReadOnlyList<string>> rows, string indent = "")
    {
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns)
            .Select(i => rows.Max(r => i < r.Count ? r[i].Length : 0))
            .ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]));
            writer.WriteLine((indent + string.Join("  ", cells)).TrimEnd());
        }
    }
}
