namespace Tributary.Server.Cli;

/// <summary>One tool in <c>tools list --json</c>.</summary>
/// <param name="Name">The exposed name (what clients call).</param>
/// <param name="Server">The registry name of the server that owns it.</param>
/// <param name="OriginalName">Its name on that server.</param>
/// <param name="Description">Its full description, if any.</param>
internal sealed record ToolsListTool(string Name, string Server, string OriginalName, string? Description);
