namespace Tributary.Agents.Definitions;

/// <summary>What a run is about, filling the instructions' placeholders; every value may be unknown.</summary>
/// <param name="ProjectPath">The GitLab project (<c>{project_path}</c>).</param>
/// <param name="SourceBranch">The merge request's source branch (<c>{source_branch}</c>).</param>
/// <param name="TargetBranch">The merge request's target branch (<c>{target_branch}</c>).</param>
/// <param name="ProjectRules">The repository's <c>review_rules</c> (<c>{project_rules}</c>).</param>
public sealed record RunContext(string? ProjectPath = null, string? SourceBranch = null, string? TargetBranch = null, string? ProjectRules = null)
{
    /// <summary>A run about nothing in particular.</summary>
    public static RunContext None { get; } = new();
}
