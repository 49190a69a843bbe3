namespace Tributary.Agents.Review;

/// <summary>Where a finding ended up.</summary>
public enum FindingPlacement
{
    /// <summary>A discussion on its diff line (or, with <c>--dry-run</c>, would be).</summary>
    Inline,

    /// <summary>Posted on an earlier run (same fingerprint, resolved or not): not posted again.</summary>
    AlreadyPosted,

    /// <summary>In the summary: its line is not in the diff, or GitLab refused the position.</summary>
    Summary,
}
