using System.Globalization;
using Tributary.Agents.Kernel;
using Tributary.Agents.Repository;
using Tributary.Agents.Runs;

namespace Tributary.Agents.Review;

/// <summary>Reviewing file by file within the token budget.</summary>
public sealed partial class MergeRequestReviewer
{
    private async Task<FilesReviewed> ReviewFilesAsync(
        ReviewRequest request,
        MergeRequestFacts mr,
        IReadOnlyList<ChangedFile> files,
        string? sinceSha,
        RepositoryOverride repository,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var skipPaths = new SkipPaths(repository.SkipPaths);
        var skipped = new List<SkippedFile>();
        var toReview = new List<ChangedFile>();
        foreach (var file in files)
        {
            string? reason = skipPaths.Skips(file) ? $"skipped by skip_paths in {RepositoryOverrideParser.FileName}"
                : file.Missing is { } missing ? missing
                : file.Lines.Lines.Count == 0 ? "no text changes (a rename, a mode change or a binary file)"
                : null;
            if (reason is null)
            {
                toReview.Add(file);
            }
            else
            {
                skipped.Add(new SkippedFile(file.Path, reason));
            }
        }

        var summaries = new List<(string, string)>();
        var findings = new List<ReviewFinding>();
        var notices = new List<string>();
        int perFile = Math.Max(1, request.TokenBudget / 4);
        long used = 0, input = 0, output = 0;
        var data = new UntrustedData();
        for (int i = 0; i < toReview.Count; i++)
        {
            var file = toReview[i];
            string message = ReviewPrompt.ForFile(mr, file, sinceSha, i + 1, toReview.Count, data);
            int estimate = ReviewPrompt.EstimateTokens(message);
            if (estimate > perFile)
            {
                skipped.Add(new SkippedFile(file.Path, $"too large for one review (about {Number(estimate)} tokens; one file may take a quarter of the budget, {Number(perFile)})"));
                continue;
            }

            if (used + estimate > request.TokenBudget)
            {
                skipped.Add(new SkippedFile(file.Path, $"over the review's token budget ({Number(request.TokenBudget)} tokens)"));
                continue;
            }

            used += estimate;
            progress?.Report($"reviewing file {i + 1} of {toReview.Count}: {file.Path}");
            var submission = new ReviewSubmission(new HashSet<string>(StringComparer.Ordinal) { file.Path });
            var run = await _runner.RunAsync(
                new AgentRunRequest(request.Agent, message, mr.ProjectPath, mr.Iid)
                {
                    ReadOnly = true,
                    RunInstructions = ReviewPrompt.Protocol,
                    Plugin = submission.ToPlugin(),
                    FollowUp = () => submission.Submitted ? null : ReviewPrompt.FollowUp,
                },
                onText: null,
                cancellationToken);
            input += run.InputTokens;
            output += run.OutputTokens;
            foreach (string notice in run.Notices.Concat(run.MissingServers.Select(m => $"MCP server '{m.Name}' was unavailable: {m.Reason}")))
            {
                if (!notices.Contains(notice))
                {
                    notices.Add(notice);
                }
            }

            if (!submission.Submitted)
            {
                skipped.Add(new SkippedFile(file.Path, run.TimedOut ? "the reviewer's timeout passed before it submitted a review" : "the model answered without submitting a review"));
                continue;
            }

            summaries.Add((file.Path, submission.Summary));
            findings.AddRange(submission.Findings);
        }

        AgentTelemetry.Tokens.Add(input, new KeyValuePair<string, object?>("gen_ai.token.type", "input"), new KeyValuePair<string, object?>(AgentTelemetry.AgentTag, request.Agent));
        AgentTelemetry.Tokens.Add(output, new KeyValuePair<string, object?>("gen_ai.token.type", "output"), new KeyValuePair<string, object?>(AgentTelemetry.AgentTag, request.Agent));
        return new FilesReviewed(summaries, findings, skipped, input, output, notices);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
