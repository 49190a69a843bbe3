namespace Tributary.Agents.GitLab;

/// <summary>One argument of a built-in GitLab prompt.</summary>
/// <param name="Name">The argument's name.</param>
/// <param name="Description">What to give.</param>
public sealed record GitLabPromptArgument(string Name, string Description);
