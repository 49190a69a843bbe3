namespace Tributary.Server.Cli;

/// <summary>One name collision in <c>tools list --json</c>.</summary>
/// <param name="Kind"><c>tool</c>, <c>prompt</c> or <c>resource</c>.</param>
/// <param name="WantedName">The name both entries wanted.</param>
/// <param name="Server">The server whose entry lost the name.</param>
/// <param name="OriginalName">That entry's name on its server.</param>
/// <param name="KeptBy">The server that kept the name.</param>
/// <param name="ResolvedName">The name the entry got instead, or null when it is hidden.</param>
internal sealed record ToolsListCollision(string Kind, string WantedName, string Server, string OriginalName, string KeptBy, string? ResolvedName);
