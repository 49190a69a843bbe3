using System.Globalization;
using System.Text.RegularExpressions;

namespace Tributary.Agents.Review;

/// <summary>
/// The lines of one file's unified diff (the <c>diff</c> field GitLab sends, hunks starting with
/// <c>@@ -a,b +c,d @@</c>), with their old and new numbers: what a review may comment on.
/// </summary>
public sealed partial class UnifiedDiff
{
    private readonly Dictionary<int, DiffLine> _byNew = [];
    private readonly Dictionary<int, DiffLine> _byOld = [];

    private UnifiedDiff(IReadOnlyList<DiffLine> lines)
    {
        Lines = lines;
        foreach (var line in lines)
        {
            if (line.NewLine is { } n)
            {
                _byNew[n] = line;
            }

            if (line.OldLine is { } o)
            {
                _byOld[o] = line;
            }
        }
    }

    /// <summary>The lines of every hunk, in order.</summary>
    public IReadOnlyList<DiffLine> Lines { get; }

    /// <summary>Parses <paramref name="diff"/>; text before the first hunk header and <c>\ No newline</c> markers are skipped.</summary>
    public static UnifiedDiff Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var lines = new List<DiffLine>();
        int oldLine = 0;
        int newLine = 0;
        bool inHunk = false;
        foreach (string raw in diff.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            var header = HunkHeader().Match(line);
            if (header.Success)
            {
                oldLine = int.Parse(header.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                newLine = int.Parse(header.Groups[2].ValueSpan, CultureInfo.InvariantCulture);

                // A side with no lines (a new or deleted file) is written as 0,0 and its counter stays 0, as GitLab's
                // line codes have it (…_0_1 for a new file's first line); no line of that side is ever numbered.
                inHunk = true;
                continue;
            }

            if (!inHunk || raw.Length == 0)
            {
                continue;
            }

            switch (line.Length > 0 ? line[0] : ' ')
            {
                case '+':
                    lines.Add(new DiffLine(DiffLineKind.Added, null, newLine, oldLine, newLine, line[1..]));
                    newLine++;
                    break;
                case '-':
                    lines.Add(new DiffLine(DiffLineKind.Removed, oldLine, null, oldLine, newLine, line[1..]));
                    oldLine++;
                    break;
                case ' ':
                    lines.Add(new DiffLine(DiffLineKind.Context, oldLine, newLine, oldLine, newLine, line.Length > 0 ? line[1..] : string.Empty));
                    oldLine++;
                    newLine++;
                    break;
                default:
                    // '\ No newline at end of file' and anything else a diff may carry: not a line of either file.
                    break;
            }
        }

        return new UnifiedDiff(lines);
    }

    /// <summary>The diff's line with number <paramref name="line"/> on <paramref name="side"/>, or <see langword="null"/> when the diff does not show it.</summary>
    public DiffLine? Find(DiffSide side, int line) =>
        (side == DiffSide.New ? _byNew : _byOld).GetValueOrDefault(line);

    [GeneratedRegex(@"^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
