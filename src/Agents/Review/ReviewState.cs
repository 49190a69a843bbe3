namespace Tributary.Agents.Review;

/// <summary>What GitLab holds of earlier reviews of a merge request: the summary note and the fingerprints of posted findings.</summary>
/// <param name="SummaryNoteId">The summary note's id, or <see langword="null"/> before the first review.</param>
/// <param name="LastHeadSha">The head SHA the summary says was reviewed, or <see langword="null"/>.</param>
/// <param name="Fingerprints">The fingerprints of findings posted before, resolved or not.</param>
internal sealed record ReviewState(long? SummaryNoteId, string? LastHeadSha, IReadOnlySet<string> Fingerprints);
