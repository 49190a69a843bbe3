namespace Tributary.Agents.GitLab;

/// <summary>Every built-in GitLab tool, in a stable order; a singleton the host and the agents share.</summary>
/// <param name="tools">The tools.</param>
public sealed class GitLabToolset(IEnumerable<GitLabTool> tools)
{
    /// <summary>The tools, in the order they are listed.</summary>
    public IReadOnlyList<GitLabTool> Tools { get; } = [.. tools];

    /// <summary>The tool named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public GitLabTool? Find(string name) => Tools.FirstOrDefault(tool => tool.Name == name);
}
