using System.Globalization;
using System.Text;

namespace Tributary.Agents.Review;

/// <summary>The summary note: the verdict from the findings' severities, each file's summary, findings that could not go on a line, and what was not reviewed.</summary>
internal static class ReviewSummary
{
    /// <summary>The heading every summary starts with.</summary>
    public const string Heading = "### Tributary review";

    /// <summary>Renders the summary of a review of <paramref name="headSha"/>.</summary>
    public static string Render(
        string headSha,
        string? sinceSha,
        string? fullReviewReason,
        IReadOnlyList<(string Path, string Summary)> files,
        IReadOnlyList<PlacedFinding> findings,
        IReadOnlyList<SkippedFile> skipped)
    {
        var text = new StringBuilder().Append(Heading).Append("\n\n");
        var counts = findings.GroupBy(f => f.Finding.Severity).ToDictionary(g => g.Key, g => g.Count());
        text.Append("**").Append(Verdict(counts)).Append("**");
        if (findings.Count > 0)
        {
            text.Append(" · ").Append(string.Join(", ", Enum.GetValues<ReviewSeverity>().Where(counts.ContainsKey).Select(s => $"{counts[s]} {Name(s)}")));
        }

        text.Append("\n\n").Append("Reviewed `").Append(Short(headSha)).Append('`');
        text.Append(sinceSha is null ? ": every change of this merge request" : $": the changes since `{Short(sinceSha)}`, reviewed before");
        text.Append(" (").Append(Files(files.Count)).Append(").\n");
        if (fullReviewReason is not null)
        {
            text.Append('\n').Append(fullReviewReason).Append('\n');
        }

        if (files.Count > 0)
        {
            text.Append('\n');
            foreach (var (path, summary) in files)
            {
                text.Append("- ").Append(Code(path)).Append(": ").Append(ReviewMarkers.Neutralize(summary.ReplaceLineEndings(" "))).Append('\n');
            }
        }

        var inSummary = findings.Where(f => f.Placement == FindingPlacement.Summary).ToList();
        if (inSummary.Count > 0)
        {
            text.Append("\n#### Findings not on a diff line\n\n");
            foreach (var placed in inSummary)
            {
                var f = placed.Finding;
                text.Append("- **").Append(Name(f.Severity)).Append("** ").Append(Code(f.Location)).Append(": ").Append(ReviewMarkers.Neutralize(f.Title))
                    .Append(" _(").Append(placed.Detail).Append(")_\n");
                if (f.Body.Length > 0)
                {
                    text.Append("  ").Append(ReviewMarkers.Neutralize(f.Body).ReplaceLineEndings("\n  ")).Append('\n');
                }
            }
        }

        if (skipped.Count > 0)
        {
            text.Append("\n#### Not reviewed\n\n");
            foreach (var file in skipped)
            {
                text.Append("- ").Append(Code(file.Path)).Append(": ").Append(file.Reason).Append('\n');
            }
        }

        int already = findings.Count(f => f.Placement == FindingPlacement.AlreadyPosted);
        if (already > 0)
        {
            text.Append('\n').Append(already.ToString(CultureInfo.InvariantCulture)).Append(already == 1 ? " finding was" : " findings were")
                .Append(" raised on an earlier push and not posted again.\n");
        }

        text.Append("\n<sub>Updated in place on every push; inline findings are threads on the diff.</sub>\n").Append(ReviewMarkers.Summary(headSha));
        return text.ToString();
    }

    /// <summary>
    /// A file path (or location) as code. Paths are chosen by whoever pushed: they lose backticks, which would end the
    /// code span, and anything that could pose as one of Tributary's markers.
    /// </summary>
    public static string Code(string path) =>
        $"`{ReviewMarkers.Neutralize(path.Replace('`', '\'').ReplaceLineEndings(" "))}`";

    /// <summary>The severity as the summary and the threads write it.</summary>
    public static string Name(ReviewSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Verdict(Dictionary<ReviewSeverity, int> counts) =>
        counts.ContainsKey(ReviewSeverity.Blocker) ? "Changes needed"
        : counts.Count > 0 ? "Approve with suggestions"
        : "Looks good: no findings";

    private static string Files(int count) => count == 1 ? "1 file" : $"{count.ToString(CultureInfo.InvariantCulture)} files";

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;
}
