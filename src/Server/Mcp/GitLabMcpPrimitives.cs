using ModelContextProtocol.Server;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Mcp;

/// <summary>The built-in GitLab tools, resource templates and prompts as served at <c>/mcp</c>, whatever the upstreams do.</summary>
internal sealed class GitLabMcpPrimitives(GitLabToolset toolset, GitLabResources resources, TributaryConfig config)
{
    /// <summary>
    /// The tools, <c>gitlab__&lt;tool&gt;</c>: the ones that read, and the writers only with <c>gitlab.mcp_tools: read-write</c>.
    /// A writer left out is neither listed nor callable (a call is an unknown tool).
    /// </summary>
    public IReadOnlyList<McpServerTool> Tools { get; } =
        [.. toolset.Tools.Where(tool => tool.ReadOnly || config.GitLab.McpTools == GitLabMcpAccess.ReadWrite).Select(tool => new GitLabMcpTool(tool))];

    /// <summary>The resource templates, <c>gitlab://project/{project_path}/...</c>.</summary>
    public IReadOnlyList<McpServerResource> Resources { get; } = [.. GitLabResources.Templates.Select(t => new GitLabMcpResourceTemplate(t, resources))];

    /// <summary>The prompts, <c>gitlab__&lt;prompt&gt;</c>, naming the tools as served here.</summary>
    public IReadOnlyList<McpServerPrompt> Prompts { get; } = [.. GitLabPrompts.Create(GitLabToolNames.Exposed).Select(p => new GitLabMcpPrompt(p))];
}
