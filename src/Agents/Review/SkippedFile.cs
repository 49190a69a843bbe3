namespace Tributary.Agents.Review;

/// <summary>A changed file the review did not look at, and why (skip_paths, no diff from GitLab, the token budget).</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">Why, as the summary says it.</param>
public sealed record SkippedFile(string Path, string Reason);
