namespace Tributary.Agents.Runs;

/// <summary>The outcome of a run: the answer and an account of what happened on the way.</summary>
public sealed record AgentRunResult
{
    /// <summary>The agent that ran.</summary>
    public required string Agent { get; init; }

    /// <summary>The model entry it ran on.</summary>
    public required string Model { get; init; }

    /// <summary>The final answer (what was streamed, for a streamed run).</summary>
    public required string Text { get; init; }

    /// <summary>Every tool call, in order.</summary>
    public IReadOnlyList<ToolCallRecord> ToolCalls { get; init; } = [];

    /// <summary>The MCP servers whose tools the run lacked, and why.</summary>
    public IReadOnlyList<MissingServer> MissingServers { get; init; } = [];

    /// <summary>What else the run's output should say: repository override problems, replaced lists, unknown tool names.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>Whether the model had to answer because it used its <c>max_tool_calls</c>.</summary>
    public bool ToolLimitReached { get; init; }

    /// <summary>Whether the run was cut by its <c>timeout</c> (the text is what came before).</summary>
    public bool TimedOut { get; init; }

    /// <summary>Input tokens the model reported for the run (0 when it reported none, as streamed answers may).</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens the model reported for the run.</summary>
    public long OutputTokens { get; init; }
}
