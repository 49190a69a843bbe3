using System.Globalization;
using System.Text;

namespace Tributary.Agents.Review;

/// <summary>What the model is told in a review: Tributary's protocol (system prompt) and one file's changes (user message, as data).</summary>
internal static class ReviewPrompt
{
    private const int MaxDescription = 4_000;

    /// <summary>Appended to the reviewer's instructions: how this run works and how to hand the findings over.</summary>
    public const string Protocol = """
        This run reviews a merge request file by file. The user message holds one file's changes as a numbered diff:
        each line shows its old and new line numbers, then '+' (added), '-' (removed) or ' ' (unchanged).
        Read other files, the pipeline or documentation with your tools when the change cannot be judged from the
        diff alone; your tools only read, and only this merge request's project.
        Then call the submit_review function exactly once: a two or three sentence summary of the file's changes,
        and your findings. A finding names the file as the diff header does, the line (the NEW number for added and
        unchanged lines; the OLD number with side 'old' for removed lines), end_line for several lines, a severity
        (blocker, major, minor, nit), a one-line title, a body saying why it matters and how to fix it, and, when
        you can, a suggestion: the exact code that should replace the new-side lines. Raise only real problems in
        what this merge request changes; an empty findings list is a good answer for a good change. Tributary posts
        the review; you do not post anything.
        """;

    /// <summary>The message the model gets when it answered without calling <c>submit_review</c>.</summary>
    public const string FollowUp = "You have not called submit_review. Call it now with your summary and findings (an empty list if there are none).";

    /// <summary>The user message for <paramref name="file"/> of <paramref name="mr"/>.</summary>
    public static string ForFile(MergeRequestFacts mr, ChangedFile file, string? sinceSha, int index, int count, UntrustedData data)
    {
        var content = new StringBuilder()
            .Append("Merge request: ").Append(mr.Reference).Append('\n')
            .Append("Title: ").Append(mr.Title).Append('\n')
            .Append("Author: ").Append(mr.Author).Append('\n')
            .Append("Branches: ").Append(mr.SourceBranch).Append(" into ").Append(mr.TargetBranch).Append('\n')
            .Append("Description:\n").Append(UntrustedData.Bound(mr.Description, MaxDescription)).Append("\n\n")
            .Append("File ").Append(index.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(count.ToString(CultureInfo.InvariantCulture))
            .Append(": ").Append(file.Path).Append(" (").Append(file.Change).Append(")\n")
            .Append(sinceSha is null
                ? "Changes: everything this merge request changes in the file.\n"
                : $"Changes: only what changed since the last review (commit {sinceSha[..Math.Min(8, sinceSha.Length)]}); earlier changes were reviewed already.\n")
            .Append("Numbered diff (old new | line):\n");
        foreach (var line in file.Lines.Lines)
        {
            content.Append(Number(line.OldLine)).Append(' ').Append(Number(line.NewLine)).Append(" |")
                .Append(line.Kind switch { DiffLineKind.Added => '+', DiffLineKind.Removed => '-', _ => ' ' })
                .Append(line.Text).Append('\n');
        }

        return $"Review this file of merge request {mr.Reference} and call submit_review.\n{data.Preamble}\n\n{data.Wrap(content.ToString().TrimEnd())}";
    }

    /// <summary>The model's input for <paramref name="message"/>, estimated at four characters a token.</summary>
    public static int EstimateTokens(string message) => (message.Length + Protocol.Length) / 4;

    private static string Number(int? line) => (line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).PadLeft(5);
}
