namespace Tributary.Agents.Runs;

/// <summary>One tool call of a run, for the account printed after the answer.</summary>
/// <param name="Server">The registry server, or <c>gitlab</c> for a built-in tool.</param>
/// <param name="Tool">The tool's name on that server.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">The error for a failed call, the size handed to the model for a successful one.</param>
public sealed record ToolCallRecord(string Server, string Tool, ToolCallOutcome Outcome, string Detail);
