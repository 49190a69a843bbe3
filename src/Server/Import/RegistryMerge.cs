using System.Text.RegularExpressions;

namespace Tributary.Server.Import;

/// <summary>
/// Adds imported entries to a registry file's text at the end of its <c>mcp_servers</c> section, keeping every
/// other line (comments included) as it was.
/// </summary>
internal static partial class RegistryMerge
{
    /// <summary>The text with <paramref name="servers"/> added under a comment naming <paramref name="source"/>; null with the problem when it cannot be done.</summary>
    public static string? Add(string registry, IReadOnlyList<ImportedServer> servers, string source, out string? problem)
    {
        problem = null;
        var lines = registry.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
        int section = lines.FindIndex(l => SectionLine().IsMatch(l));
        if (section < 0)
        {
            lines.Add(string.Empty);
            lines.Add("mcp_servers:");
            section = lines.Count - 1;
        }
        else if (SectionLine().Match(lines[section]).Groups[1].Value is { Length: > 0 } inline)
        {
            if (inline.Trim() != "{}")
            {
                problem = "its mcp_servers is written on one line ({ ... }); write each server on lines of its own under 'mcp_servers:' and import again";
                return null;
            }

            lines[section] = "mcp_servers:";
        }

        int end = section + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] is ' ' or '\t' or '#'))
        {
            end++;
        }

        // Blank lines and top-level comments just before the next key introduce that key; insert above them.
        while (end > section + 1 && (lines[end - 1].Trim().Length == 0 || lines[end - 1][0] == '#'))
        {
            end--;
        }

        int indent = lines.Skip(section + 1).Take(end - section - 1)
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .Select(l => l.Length - l.TrimStart().Length)
            .FirstOrDefault(2);
        string pad = new(' ', indent);
        string entries = ImportYaml.Entries(servers, indent).TrimEnd('\n');
        lines.InsertRange(end, [string.Empty, $"{pad}# Imported from {source} by 'tributary config import'.", .. entries.Split('\n')]);
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex(@"^mcp_servers:[ \t]*([^#\s][^#]*)?(#.*)?$")]
    private static partial Regex SectionLine();
}
