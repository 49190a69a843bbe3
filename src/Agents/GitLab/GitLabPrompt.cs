namespace Tributary.Agents.GitLab;

/// <summary>One built-in GitLab prompt: its arguments (all required) and how its text is made from them.</summary>
/// <param name="Name">The plain name, e.g. <c>review_merge_request</c>.</param>
/// <param name="Description">What the prompt asks the model to do.</param>
/// <param name="Arguments">The arguments, all required.</param>
/// <param name="Render">Makes the user message from the arguments' values, by name.</param>
public sealed record GitLabPrompt(string Name, string Description, IReadOnlyList<GitLabPromptArgument> Arguments, Func<IReadOnlyDictionary<string, string>, string> Render);
