namespace Tributary.Agents.Review;

/// <summary>One thing the model found, checked: a file of the review, lines on one side of its diff, and what to say.</summary>
/// <param name="Path">The file (its new path; the old path for a deleted file).</param>
/// <param name="StartLine">The first line the finding is about.</param>
/// <param name="EndLine">The last line (equal to <paramref name="StartLine"/> for one line).</param>
/// <param name="Side">Whether the numbers are of the new file or the old one.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Title">One line saying what is wrong.</param>
/// <param name="Body">Why it matters and how to fix it (Markdown).</param>
/// <param name="Suggestion">Replacement code for the lines, when the model proposes one; only for new-side lines.</param>
public sealed record ReviewFinding(string Path, int StartLine, int EndLine, DiffSide Side, ReviewSeverity Severity, string Title, string Body, string? Suggestion)
{
    /// <summary>Where the finding points, as people read it: <c>path:12</c> or <c>path:12-14</c>, with <c>(old)</c> for the old side.</summary>
    public string Location =>
        $"{Path}:{StartLine}{(EndLine != StartLine ? $"-{EndLine}" : string.Empty)}{(Side == DiffSide.Old ? " (old)" : string.Empty)}";
}
