namespace Tributary.Agents.Runs;

/// <summary>What to run: an agent, a prompt, and optionally the project and merge request it is about.</summary>
/// <param name="Agent">The agent's name.</param>
/// <param name="Prompt">The user's message.</param>
/// <param name="Project">The GitLab project (path or id); its <c>.tributary.yml</c> applies.</param>
/// <param name="MergeRequestIid">The merge request's iid in <paramref name="Project"/>.</param>
public sealed record AgentRunRequest(string Agent, string Prompt, string? Project = null, int? MergeRequestIid = null);
