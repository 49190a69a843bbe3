namespace Tributary.Agents.Runs;

/// <summary>An MCP server whose tools a run could not have, and why.</summary>
/// <param name="Name">The registry name.</param>
/// <param name="Reason">Why (not configured, disabled, unreachable...), without secrets.</param>
public sealed record MissingServer(string Name, string Reason);
