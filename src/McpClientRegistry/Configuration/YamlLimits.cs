using System.Globalization;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// How much YAML Tributary reads from one file: its size, how deep its lists and mappings nest, and how
/// far aliases expand. Past any of them the file is reported (with file and line) and not read, so a
/// hostile file (200,000 nested <c>[</c>, an alias bomb, gigabytes) costs an error, never the process.
/// </summary>
/// <param name="MaxBytes">The largest file, in bytes.</param>
/// <param name="MaxDepth">The deepest nesting of lists and mappings (the top-level mapping is level 1).</param>
/// <param name="MaxAliases">The most alias references (<c>*name</c>) in the file.</param>
/// <param name="MaxAliasNodes">The most nodes all alias references together stand for, each counted with everything under it.</param>
public sealed record YamlLimits(long MaxBytes, int MaxDepth, int MaxAliases, long MaxAliasNodes)
{
    /// <summary>The limits of Tributary's own files: <c>tributary.yml</c> and <c>agents/*.yml</c> (1 MiB, 64 levels, 1,000 aliases standing for 100,000 nodes).</summary>
    public static YamlLimits ConfigFile { get; } = new(1024 * 1024, 64, 1_000, 100_000);

    /// <summary>The limits of a repository's <c>.tributary.yml</c>: as <see cref="ConfigFile"/>, but at most 64 KiB.</summary>
    public static YamlLimits RepositoryFile { get; } = ConfigFile with { MaxBytes = 64 * 1024 };

    /// <summary>The size limit as written in messages: <c>1,048,576 bytes (1 MiB)</c>.</summary>
    public string SizeText => MaxBytes % (1024 * 1024) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{MaxBytes:N0} bytes ({MaxBytes / (1024 * 1024)} MiB)")
        : string.Create(CultureInfo.InvariantCulture, $"{MaxBytes:N0} bytes ({MaxBytes / 1024} KiB)");
}
