namespace Tributary.Agents.Review;

/// <summary>A finding and where it went.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Fingerprint">Its identity across runs.</param>
/// <param name="Placement">Inline, already posted, or in the summary.</param>
/// <param name="Detail">The position (<c>new_line 12</c>) for an inline finding; why it is in the summary otherwise.</param>
public sealed record PlacedFinding(ReviewFinding Finding, string Fingerprint, FindingPlacement Placement, string Detail)
{
    /// <summary>The GitLab <c>position</c> of an inline finding.</summary>
    public IReadOnlyDictionary<string, object?>? Position { get; init; }
}
