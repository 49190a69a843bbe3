namespace Tributary.Server.Cli;

/// <summary>One built-in GitLab tool in <c>tools list --json</c>.</summary>
/// <param name="Name">The name at <c>/mcp</c>, e.g. <c>gitlab__get_issue</c>.</param>
/// <param name="ReadOnly">Whether it only reads.</param>
/// <param name="Description">Its description.</param>
internal sealed record ToolsListGitLabTool(string Name, bool ReadOnly, string? Description);
