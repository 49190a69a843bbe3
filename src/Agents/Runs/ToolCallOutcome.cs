namespace Tributary.Agents.Runs;

/// <summary>How one tool call of a run ended.</summary>
public enum ToolCallOutcome
{
    /// <summary>The tool answered; its result went to the model.</summary>
    Succeeded,

    /// <summary>The tool failed; the error went to the model as an error.</summary>
    Failed,

    /// <summary>Not run: the run had used its <c>max_tool_calls</c>.</summary>
    Skipped,
}
