namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// Two upstream entries wanted the same exposed name; the first in registry order kept it and this
/// one was given <see cref="ResolvedName"/> (for resources, whose URIs are not renamed, it is hidden).
/// </summary>
/// <param name="Kind"><c>tool</c>, <c>prompt</c> or <c>resource</c>.</param>
/// <param name="WantedName">The name (or URI) both wanted.</param>
/// <param name="ServerName">The server whose entry lost the name.</param>
/// <param name="OriginalName">The entry's name (or URI) on that server.</param>
/// <param name="KeptBy">The server that kept the wanted name.</param>
/// <param name="ResolvedName">The name it got instead, or null when it is hidden.</param>
public sealed record NameCollision(string Kind, string WantedName, string ServerName, string OriginalName, string KeptBy, string? ResolvedName);
