namespace Tributary.Agents.Repository;

/// <summary>
/// What a project's <c>.tributary.yml</c> (from its default branch) changes for the agents, and the problems
/// found in it; problems are reported, never fatal.
/// </summary>
public sealed record RepositoryOverride
{
    /// <summary>Nothing overridden.</summary>
    public static RepositoryOverride None { get; } = new();

    /// <summary>Per agent, the list that replaces its <c>mcp_servers</c> (unknown names left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> McpServers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The text of <c>{project_rules}</c>.</summary>
    public string? ReviewRules { get; init; }

    /// <summary>Globs of paths the agents leave alone.</summary>
    public IReadOnlyList<string> SkipPaths { get; init; } = [];

    /// <summary>Agents that do not run for this project.</summary>
    public IReadOnlyList<string> DisabledAgents { get; init; } = [];

    /// <summary>Whether draft merge requests are reviewed too (they are skipped by default).</summary>
    public bool ReviewDrafts { get; init; }

    /// <summary>Every problem, as <c>.tributary.yml:line:col: field: what and how to fix</c>.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
