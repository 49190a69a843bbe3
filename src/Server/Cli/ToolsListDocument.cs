using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Health;

namespace Tributary.Server.Cli;

/// <summary>The output of <c>tributary tools list --json</c>.</summary>
/// <param name="Config">The registry file.</param>
/// <param name="Servers">Every server of the registry, in registry order, with its health.</param>
/// <param name="Tools">The merged catalog's tools.</param>
/// <param name="Collisions">Names that had to change (or be hidden) to stay unique.</param>
/// <param name="GitLab">The built-in GitLab tools.</param>
internal sealed record ToolsListDocument(
    string Config,
    IReadOnlyList<ToolsListServer> Servers,
    IReadOnlyList<ToolsListTool> Tools,
    IReadOnlyList<ToolsListCollision> Collisions,
    ToolsListGitLab GitLab)
{
    /// <summary>The document for <paramref name="health"/>, <paramref name="snapshot"/> and <paramref name="gitLab"/>.</summary>
    public static ToolsListDocument From(string config, IReadOnlyList<ServerHealth> health, CatalogSnapshot snapshot, ToolsListGitLab gitLab) => new(
        config,
        [.. health.Select(h => new ToolsListServer(h.Name, ServerText.Transport(h.Transport), ServerText.StateId(h.State), h.ToolCount, h.LastError, h.Description))],
        [.. ToolsListText.ServerTools(health, snapshot).Select(t => new ToolsListTool(t.Name, t.ServerName, t.OriginalName, t.Definition.Description))],
        [.. snapshot.Collisions.Select(c => new ToolsListCollision(c.Kind, c.WantedName, c.ServerName, c.OriginalName, c.KeptBy, c.ResolvedName))],
        gitLab);
}
