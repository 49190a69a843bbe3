using Microsoft.SemanticKernel;

namespace Tributary.Agents.Runs;

/// <summary>What to run: an agent, a prompt, and optionally the project and merge request it is about.</summary>
/// <param name="Agent">The agent's name.</param>
/// <param name="Prompt">The user's message. Everything from outside (merge request text, notes, diffs) goes here, as data, never into the system prompt.</param>
/// <param name="Project">The GitLab project (path or id); its <c>.tributary.yml</c> applies.</param>
/// <param name="MergeRequestIid">The merge request's iid in <paramref name="Project"/>.</param>
public sealed record AgentRunRequest(string Agent, string Prompt, string? Project = null, int? MergeRequestIid = null)
{
    /// <summary>Tributary's own instructions for this kind of run (a review's protocol), appended to the agent's system prompt.</summary>
    public string? RunInstructions { get; init; }

    /// <summary>Functions of Tributary's own the model may call in this run (a review's <c>submit_review</c>).</summary>
    public KernelPlugin? Plugin { get; init; }

    /// <summary>
    /// A review or chat run: the GitLab tools that write are left out whatever the agent's <c>gitlab_tools</c> say
    /// (Tributary posts, not the model), and the GitLab tools may only name <see cref="Project"/>. The prompt brings the
    /// merge request's data itself, so the runner does not read it again.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Asked once the model has answered: a message to send it and ask again (with tools), or <see langword="null"/>
    /// when the answer is complete. A review uses it when the model answered without submitting its findings.
    /// </summary>
    public Func<string?>? FollowUp { get; init; }
}
