using Tributary.Agents.Runs;

namespace Tributary.Server.Agents;

/// <summary>The JSON answer of a run: the final text and what happened on the way (snake_case on the wire).</summary>
internal sealed record AgentRunResponse(
    string Agent,
    string Model,
    string Answer,
    IReadOnlyList<ToolCallRecord> ToolCalls,
    IReadOnlyList<MissingServer> MissingServers,
    IReadOnlyList<string> Notices,
    bool ToolLimitReached,
    bool TimedOut)
{
    /// <summary>The response for <paramref name="result"/>.</summary>
    public static AgentRunResponse From(AgentRunResult result) => new(
        result.Agent, result.Model, result.Text, result.ToolCalls, result.MissingServers, result.Notices, result.ToolLimitReached, result.TimedOut);
}
