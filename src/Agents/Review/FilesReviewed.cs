namespace Tributary.Agents.Review;

/// <summary>What the model said about the files it was given.</summary>
/// <param name="Summaries">Each reviewed file's summary, in review order.</param>
/// <param name="Findings">Every finding of every file.</param>
/// <param name="Skipped">Files not reviewed, and why.</param>
/// <param name="InputTokens">Input tokens the model reported.</param>
/// <param name="OutputTokens">Output tokens the model reported.</param>
/// <param name="Notices">Notices of the runs.</param>
internal sealed record FilesReviewed(
    IReadOnlyList<(string Path, string Summary)> Summaries,
    IReadOnlyList<ReviewFinding> Findings,
    IReadOnlyList<SkippedFile> Skipped,
    long InputTokens,
    long OutputTokens,
    IReadOnlyList<string> Notices);
