namespace Tributary.Agents.Review;

/// <summary>Which merge request to review, and how.</summary>
/// <param name="Project">The project: a numeric id or its full path.</param>
/// <param name="MergeRequestIid">The merge request's iid.</param>
public sealed record ReviewRequest(string Project, int MergeRequestIid)
{
    /// <summary>The default for <see cref="TokenBudget"/>: estimated input tokens over the whole review.</summary>
    public const int DefaultTokenBudget = 120_000;

    /// <summary>The agent that reviews.</summary>
    public string Agent { get; init; } = "reviewer";

    /// <summary>Review and report, but post nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Review a draft merge request too (a repository may also ask for it with <c>review_drafts: true</c>).</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>
    /// The most input tokens (estimated at four characters a token) the review may send the model over all its
    /// files; files past it are named in the summary as not reviewed. One file larger than a quarter of it is not reviewed either.
    /// </summary>
    public int TokenBudget { get; init; } = DefaultTokenBudget;
}
