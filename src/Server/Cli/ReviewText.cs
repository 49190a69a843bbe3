using Tributary.Agents.Review;

namespace Tributary.Server.Cli;

/// <summary>How <c>tributary review</c> prints its outcome: one line, then (for a review that ran) every finding with its place, and for <c>--dry-run</c> the summary.</summary>
internal static class ReviewText
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, ReviewResult result)
    {
        output.WriteLine(result.Message);
        if (result.Outcome is not (ReviewOutcome.Posted or ReviewOutcome.DryRun))
        {
            return;
        }

        output.WriteLine($"reviewed {Plural.Of(result.ReviewedFiles, "file")}{(result.SinceSha is { } since ? $" changed since {since[..Math.Min(8, since.Length)]}" : string.Empty)}; {Plural.Of(result.Skipped.Count, "file")} not reviewed; model tokens: {result.InputTokens} in, {result.OutputTokens} out");
        foreach (var placed in result.Findings)
        {
            var f = placed.Finding;
            string where = placed.Placement switch
            {
                FindingPlacement.Inline => $"inline ({placed.Detail})",
                FindingPlacement.AlreadyPosted => "already posted",
                _ => $"in the summary: {placed.Detail}",
            };
            output.WriteLine($"  {f.Severity.ToString().ToLowerInvariant(),-7} {f.Location}  {f.Title}  [{where}]");
        }

        foreach (var skipped in result.Skipped)
        {
            output.WriteLine($"  not reviewed: {skipped.Path}: {skipped.Reason}");
        }

        foreach (string notice in result.Notices)
        {
            output.WriteLine($"  note: {notice}");
        }

        if (result.Outcome == ReviewOutcome.DryRun)
        {
            output.WriteLine();
            output.WriteLine("--- summary note (not posted) ---");
            output.WriteLine(result.Summary);
        }
    }
}
