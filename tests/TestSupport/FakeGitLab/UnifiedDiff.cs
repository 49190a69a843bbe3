using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>
/// Reads the <c>diff</c> text of a GitLab diff file (<c>@@ -a,b +c,d @@</c> hunks) into its discussable lines, the
/// way GitLab's <c>Gitlab::Diff::Parser</c> does: hunk headers and <c>\ No newline at end of file</c> are not lines
/// one can comment on; context lines advance both counters, added lines the new one, removed lines the old one.
/// </summary>
public static partial class UnifiedDiff
{
    /// <summary>The discussable lines of <paramref name="diff"/>, in order.</summary>
    public static IReadOnlyList<UnifiedDiffLine> Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var lines = new List<UnifiedDiffLine>();
        string[] raw = diff.Split('\n');
        int count = raw.Length > 0 && raw[^1].Length == 0 ? raw.Length - 1 : raw.Length;
        int oldLine = 0;
        int newLine = 0;
        bool inHunk = false;
        for (int i = 0; i < count; i++)
        {
            string line = raw[i];
            if (Hunk().Match(line) is { Success: true } hunk)
            {
                oldLine = int.Parse(hunk.Groups["old"].Value, CultureInfo.InvariantCulture);
                newLine = int.Parse(hunk.Groups["new"].Value, CultureInfo.InvariantCulture);
                inHunk = true;
            }
            else if (inHunk && !line.StartsWith('\\'))
            {
                var kind = line.StartsWith('+') ? UnifiedDiffLineKind.Added : line.StartsWith('-') ? UnifiedDiffLineKind.Removed : UnifiedDiffLineKind.Context;
                lines.Add(new UnifiedDiffLine(kind, oldLine, newLine, line.Length > 0 ? line[1..] : line));
                oldLine += kind == UnifiedDiffLineKind.Added ? 0 : 1;
                newLine += kind == UnifiedDiffLineKind.Removed ? 0 : 1;
            }
        }

        return lines;
    }

    /// <summary>
    /// GitLab's line code (<c>Gitlab::Git.diff_line_code</c>): <c>SHA1(file path, lower-case hex)_OLD_NEW</c>, where the
    /// path is the file's <c>new_path</c> and OLD and NEW are the line's two counters (<see cref="UnifiedDiffLine.OldPosition"/>,
    /// <see cref="UnifiedDiffLine.NewPosition"/>). Both numbers are always there: an added line at new line 3 that comes
    /// before old line 3 is <c>…_3_3</c>; a line of a new file (<c>@@ -0,0 +1,n @@</c>) is <c>…_0_N</c>.
    /// </summary>
    public static string LineCode(string filePath, int oldPosition, int newPosition) =>
        string.Create(CultureInfo.InvariantCulture, $"{Sha1Hex(filePath)}_{oldPosition}_{newPosition}");

    /// <summary>The SHA-1 of <paramref name="text"/> (UTF-8) in lower-case hex, as GitLab names line codes and discussions.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "GitLab's identifiers are SHA-1 digests; nothing here is a secret.")]
    internal static string Sha1Hex(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^@@ -(?<old>\d+)(,\d+)? \+(?<new>\d+)(,\d+)? @@")]
    private static partial Regex Hunk();
}
