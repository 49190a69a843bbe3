using System.Text.Json;
using Tributary.Agents.GitLab;

namespace Tributary.Agents.Review;

/// <summary>Reading earlier reviews from GitLab, placing findings on the diff, posting them and the summary.</summary>
public sealed partial class MergeRequestReviewer
{
    private async Task<ReviewState> ReadStateAsync(MergeRequestFacts mr, CancellationToken cancellationToken)
    {
        long self = await _gitLab.GetCurrentUserIdAsync(cancellationToken);
        var discussions = await _gitLab.GetDiscussionsAsync(mr.ProjectId, mr.Iid, cancellationToken);
        long? summaryId = null;
        string? lastHead = null;
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);

        // Only Tributary's own notes count: anyone can write a marker into a comment.
        foreach (var note in discussions.Items.SelectMany(d => d.GetProperty("notes").EnumerateArray()).Where(n => AuthorId(n) == self))
        {
            string body = note.TryGetProperty("body", out var b) ? b.GetString() ?? string.Empty : string.Empty;
            if (ReviewMarkers.TryReadSummary(body, out string head))
            {
                summaryId = note.GetProperty("id").GetInt64();
                lastHead = head;
            }

            fingerprints.UnionWith(ReviewMarkers.Fingerprints(body));
        }

        return new ReviewState(summaryId, lastHead, fingerprints);
    }

    private static long? AuthorId(JsonElement note) =>
        note.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object && author.TryGetProperty("id", out var id) && id.TryGetInt64(out long value)
            ? value
            : null;

    // In an incremental review the model saw the changes since the last reviewed commit: their new-side numbers are the
    // head's, as on the merge request's diff, but their old-side numbers are of that commit, not of the merge base, so a
    // removed-line finding cannot be placed on the merge request's diff.
    private static List<PlacedFinding> Place(IReadOnlyList<ReviewFinding> findings, IReadOnlyList<ChangedFile> mergeRequestFiles, DiffVersion version, ReviewState state, bool incremental)
    {
        var placed = new List<PlacedFinding>();
        var seen = new HashSet<string>(state.Fingerprints, StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var file = incremental && finding.Side == DiffSide.Old ? null : mergeRequestFiles.FirstOrDefault(f => f.Path == finding.Path);
            string? lineText = file?.Lines.Find(finding.Side, finding.EndLine)?.Text;
            string fingerprint = ReviewFingerprint.Of(finding, lineText);
            var position = file is null ? null : DiffPosition.For(finding, file, version);
            if (!seen.Add(fingerprint))
            {
                placed.Add(new PlacedFinding(finding, fingerprint, FindingPlacement.AlreadyPosted, "raised before"));
            }
            else if (position is null)
            {
                string why = incremental && finding.Side == DiffSide.Old
                    ? "a line removed since the last review, which the merge request's diff does not show"
                    : file is null
                    ? "the file is not in the merge request's diff"
                    : $"line {finding.EndLine} ({(finding.Side == DiffSide.New ? "new" : "old")}) is not in the diff";
                placed.Add(new PlacedFinding(finding, fingerprint, FindingPlacement.Summary, why));
            }
            else
            {
                placed.Add(new PlacedFinding(finding, fingerprint, FindingPlacement.Inline, DiffPosition.Describe(position)) { Position = position });
            }
        }

        return placed;
    }

    private async Task<List<PlacedFinding>> PostFindingsAsync(
        MergeRequestFacts mr, List<PlacedFinding> placed, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var result = new List<PlacedFinding>(placed.Count);
        int total = placed.Count(p => p.Placement == FindingPlacement.Inline);
        int index = 0;
        foreach (var finding in placed)
        {
            if (finding.Placement != FindingPlacement.Inline)
            {
                result.Add(finding);
                continue;
            }

            progress?.Report($"posting finding {++index} of {total}: {finding.Finding.Location}");
            try
            {
                await _gitLab.CreateDiscussionAsync(mr.ProjectId, mr.Iid, FindingNote.Render(finding.Finding, finding.Fingerprint), finding.Position, cancellationToken);
                result.Add(finding);
            }
            catch (GitLabException e) when (e.Failure == GitLabFailure.Rejected)
            {
                // GitLab's 400 for a position it will not take: the finding still reaches the author, in the summary.
                LogPositionRefused(mr.ProjectPath, mr.Iid, finding.Finding.Location, e.Message);
                result.Add(finding with { Placement = FindingPlacement.Summary, Detail = "GitLab refused its position on the diff", Position = null });
            }
        }

        return result;
    }

    private async Task<bool> WriteSummaryAsync(MergeRequestFacts mr, ReviewState state, string body, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (state.SummaryNoteId is { } id)
        {
            progress?.Report("updating the summary note");
            try
            {
                await _gitLab.UpdateNoteAsync(mr.ProjectId, mr.Iid, id, body, cancellationToken);
                return true;
            }
            catch (GitLabException e) when (e.Failure == GitLabFailure.NotFound)
            {
                LogSummaryGone(mr.ProjectPath, mr.Iid, id);
            }
        }

        progress?.Report("posting the summary note");
        await _gitLab.CreateNoteAsync(mr.ProjectId, mr.Iid, body, cancellationToken);
        return false;
    }
}
