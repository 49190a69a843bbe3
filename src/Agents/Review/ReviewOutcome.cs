namespace Tributary.Agents.Review;

/// <summary>How a review ended.</summary>
public enum ReviewOutcome
{
    /// <summary>Reviewed; findings and the summary were posted.</summary>
    Posted,

    /// <summary>Reviewed with <c>--dry-run</c>: nothing was posted.</summary>
    DryRun,

    /// <summary>The head commit was reviewed already: nothing to do.</summary>
    NothingNew,

    /// <summary>Not reviewed on purpose: a draft, or a merge request that is no longer open.</summary>
    Skipped,
}
