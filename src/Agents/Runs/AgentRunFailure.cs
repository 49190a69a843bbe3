namespace Tributary.Agents.Runs;

/// <summary>Why a run could not start: the host maps these to HTTP statuses.</summary>
public enum AgentRunFailure
{
    /// <summary>The request or the setup is wrong (missing API key, disabled agent): 400.</summary>
    Invalid,

    /// <summary>No agent by that name: 404.</summary>
    UnknownAgent,

    /// <summary>The model or GitLab failed: 502.</summary>
    Upstream,
}
