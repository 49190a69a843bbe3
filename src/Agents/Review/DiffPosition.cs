using System.Security.Cryptography;
using System.Text;

namespace Tributary.Agents.Review;

/// <summary>
/// Where a finding goes on GitLab's diff, by GitLab's rules: the SHAs of the latest version; <c>new_line</c> for an
/// added line, <c>old_line</c> for a removed one, both for an unchanged one; <c>line_range</c> for several lines.
/// </summary>
public static class DiffPosition
{
    /// <summary>
    /// The <c>position</c> of a discussion on <paramref name="finding"/>'s lines in <paramref name="file"/>, or
    /// <see langword="null"/> when its first or last line is not in the diff (it then goes into the summary).
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? For(ReviewFinding finding, ChangedFile file, DiffVersion version)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(version);
        if (file.Lines.Find(finding.Side, finding.StartLine) is not { } start || file.Lines.Find(finding.Side, finding.EndLine) is not { } end)
        {
            return null;
        }

        var position = new Dictionary<string, object?>
        {
            ["position_type"] = "text",
            ["base_sha"] = version.BaseSha,
            ["start_sha"] = version.StartSha,
            ["head_sha"] = version.HeadSha,
            ["old_path"] = file.OldPath,
            ["new_path"] = file.NewPath,
        };
        AddLines(position, end);
        if (start != end)
        {
            position["line_range"] = new Dictionary<string, object?>
            {
                ["start"] = RangeEnd(file, start),
                ["end"] = RangeEnd(file, end),
            };
        }

        return position;
    }

    /// <summary>How a position reads in <c>--dry-run</c> output: <c>new_line 12</c>, <c>old_line 7</c>, <c>old_line 7, new_line 9</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, object?> position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var parts = new List<string>();
        if (position.TryGetValue("old_line", out object? old))
        {
            parts.Add($"old_line {old}");
        }

        if (position.TryGetValue("new_line", out object? @new))
        {
            parts.Add($"new_line {@new}");
        }

        if (position.ContainsKey("line_range"))
        {
            parts.Add("with line_range");
        }

        return string.Join(", ", parts);
    }

    /// <summary>GitLab's <c>line_code</c>: the SHA-1 of the file's path, then the line's old and new counters.</summary>
    public static string LineCode(ChangedFile file, DiffLine line)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(line);
        // GitLab's own identifier of a diff line, not a security measure.
#pragma warning disable CA5350
        string hash = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(file.NewPath)));
#pragma warning restore CA5350
        return $"{hash}_{line.OldPosition}_{line.NewPosition}";
    }

    private static void AddLines(Dictionary<string, object?> position, DiffLine line)
    {
        if (line.OldLine is { } old && line.Kind != DiffLineKind.Added)
        {
            position["old_line"] = old;
        }

        if (line.NewLine is { } @new && line.Kind != DiffLineKind.Removed)
        {
            position["new_line"] = @new;
        }
    }

    private static Dictionary<string, object?> RangeEnd(ChangedFile file, DiffLine line)
    {
        var end = new Dictionary<string, object?>
        {
            ["line_code"] = LineCode(file, line),
            ["type"] = line.Kind == DiffLineKind.Added ? "new" : "old",
        };
        AddLines(end, line);
        return end;
    }
}
