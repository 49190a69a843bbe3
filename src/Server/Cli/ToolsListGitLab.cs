using Tributary.Agents.GitLab;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Cli;

/// <summary>The built-in GitLab tools in <c>tools list</c>: listed whether or not a token is set, never contacting GitLab.</summary>
/// <param name="Url">The GitLab instance.</param>
/// <param name="Problem">Why the tools cannot call GitLab (no token), or <see langword="null"/>.</param>
/// <param name="Tools">The tools, as <c>/mcp</c> serves them.</param>
internal sealed record ToolsListGitLab(string Url, string? Problem, IReadOnlyList<ToolsListGitLabTool> Tools)
{
    /// <summary>The catalog's GitLab source in <paramref name="snapshot"/> and the tools its table holds for it.</summary>
    public static ToolsListGitLab From(CatalogSnapshot snapshot)
    {
        var source = snapshot.Sources.OfType<GitLabCatalogSource>().Single();
        var tools = snapshot.Tools
            .Where(t => t.ServerName == source.Name)
            .Select(t => new ToolsListGitLabTool(t.Name, t.Definition.Annotations?.ReadOnlyHint == true, t.Definition.Description))
            .ToList();
        return new ToolsListGitLab(source.Url.ToString().TrimEnd('/'), source.Problem, tools);
    }
}
