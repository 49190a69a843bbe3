using Tributary.Agents.GitLab;

namespace Tributary.Agents.Definitions;

/// <summary>The <c>gitlab_tools</c> of an agent: a kind, and for <see cref="GitLabToolAccessKind.Named"/> the names.</summary>
/// <param name="Kind">Which tools.</param>
/// <param name="Names">The tool names, for <see cref="GitLabToolAccessKind.Named"/>; empty otherwise.</param>
public sealed record GitLabToolAccess(GitLabToolAccessKind Kind, IReadOnlyList<string> Names)
{
    /// <summary>The read-only tools (the default).</summary>
    public static GitLabToolAccess Read { get; } = new(GitLabToolAccessKind.Read, []);

    /// <summary>Whether the agent gets <paramref name="tool"/>.</summary>
    public bool Allows(GitLabTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return Kind switch
        {
            GitLabToolAccessKind.Read => tool.ReadOnly,
            GitLabToolAccessKind.ReadWrite => true,
            GitLabToolAccessKind.Named => Names.Contains(tool.Name, StringComparer.Ordinal),
            _ => false,
        };
    }
}
