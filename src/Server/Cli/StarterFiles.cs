namespace Tributary.Server.Cli;

/// <summary>
/// The files <c>tributary init</c> writes: the repository's own <c>config/</c> files, embedded in the executable
/// under <c>starter/</c> and their path (see the host's project file), so the starter is always the shipped one.
/// </summary>
internal static class StarterFiles
{
    private const string Prefix = "starter/";

    /// <summary>The relative paths (with <c>/</c>) of the files, the registry first, then folder by folder.</summary>
    public static IReadOnlyList<string> Paths { get; } =
        [.. typeof(StarterFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .OrderBy(p => p.Count(c => c == '/'))
            .ThenBy(p => p, StringComparer.Ordinal)];

    /// <summary>The content of the file at <paramref name="path"/> (one of <see cref="Paths"/>).</summary>
    public static byte[] Read(string path)
    {
        using var stream = typeof(StarterFiles).Assembly.GetManifestResourceStream(Prefix + path)
            ?? throw new ArgumentException($"no starter file '{path}'", nameof(path));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The text of the embedded file <paramref name="path"/>, read as UTF-8.</summary>
    public static string ReadText(string path) => System.Text.Encoding.UTF8.GetString(Read(path));
}
