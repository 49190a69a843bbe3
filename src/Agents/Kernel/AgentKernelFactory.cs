using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Tributary.Agents.Definitions;
using Tributary.Agents.GitLab;
using Tributary.Agents.Runs;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Agents.Kernel;

/// <summary>
/// Builds the kernel of a run: a <c>gitlab</c> plugin with the catalog's GitLab tools the agent may use, and one plugin
/// per MCP server it names, connected in parallel. Every function calls through the catalog's table, the way <c>/mcp</c>
/// and the command line do. A server that cannot be reached costs only its own tools.
/// </summary>
internal sealed class AgentKernelFactory(McpConnectionManager manager, McpCatalog catalog, GitLabCatalogSource gitLab, ILoggerFactory loggerFactory)
{
    /// <summary>The plugin of the built-in GitLab tools.</summary>
    public const string GitLabPlugin = GitLabToolNames.Prefix;

    /// <summary>
    /// Builds the kernel of <paramref name="agent"/> over <paramref name="chat"/>, with the tools of <paramref name="servers"/>,
    /// and <paramref name="runPlugin"/> when given. With <paramref name="confinement"/> the GitLab tools only read, and only that project.
    /// </summary>
    public async Task<AgentKernel> BuildAsync(
        AgentDefinition agent,
        IReadOnlyList<string> servers,
        IChatCompletionService chat,
        ProjectConfinement? confinement,
        KernelPlugin? runPlugin,
        CancellationToken cancellationToken)
    {
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat);
        builder.Services.AddSingleton(loggerFactory);
        var kernel = builder.Build();
        var tools = new Dictionary<string, PluginTool>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal) { GitLabPlugin };
        var notices = new List<string>();

        if (runPlugin is not null)
        {
            taken.Add(runPlugin.Name);
            kernel.Plugins.Add(runPlugin);
        }

        var gitLabFunctions = GitLabFunctions(agent, readOnly: confinement is not null, notices, tools);
        if (gitLabFunctions.Count > 0)
        {
            kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions(GitLabPlugin, "Tributary's built-in GitLab tools", gitLabFunctions));
        }

        var missing = new List<MissingServer>();
        var connected = await Task.WhenAll(servers.Select(server => TryConnectAsync(server, cancellationToken)));
        foreach (var (server, problem) in connected)
        {
            if (problem is not null)
            {
                missing.Add(new MissingServer(server, problem));
                continue;
            }

            string plugin = PluginNames.Plugin(server, taken);
            var functionNames = new HashSet<string>(StringComparer.Ordinal);
            var functions = catalog.Current.Tools
                .Where(tool => tool.ServerName == server)
                .Select(tool =>
                {
                    string name = PluginNames.Function(plugin, tool.OriginalName, functionNames);
                    tools[ToolCallFilter.Key(plugin, name)] = new PluginTool(server, tool.OriginalName);
                    return new McpToolFunction(catalog, tool, name).AsKernelFunction();
                })
                .ToList();
            kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions(plugin, manager.Registry.Find(server)?.Description, functions));
        }

        var filter = new ToolCallFilter(agent.Name, tools, agent.MaxToolCalls, agent.MaxToolResultChars, confinement, loggerFactory.CreateLogger<ToolCallFilter>());
        kernel.AutoFunctionInvocationFilters.Add(filter);
        return new AgentKernel(kernel, filter, missing, notices);
    }

    private List<KernelFunction> GitLabFunctions(AgentDefinition agent, bool readOnly, List<string> notices, Dictionary<string, PluginTool> tools)
    {
        if (agent.GitLabTools.Kind == GitLabToolAccessKind.Named)
        {
            foreach (string unknown in agent.GitLabTools.Names.Where(name => gitLab.Find(name) is null))
            {
                notices.Add($"gitlab_tools names '{unknown}', which is not a GitLab tool (known: {string.Join(", ", gitLab.Tools.Select(t => t.Name))}); it was left out");
            }
        }

        var allowed = gitLab.Tools
            .Where(tool => agent.GitLabTools.Allows(tool) && (tool.ReadOnly || !readOnly))
            .Select(tool => tool.Name)
            .ToHashSet(StringComparer.Ordinal);
        var functions = new List<KernelFunction>();
        foreach (var tool in catalog.Current.Tools.Where(tool => tool.ServerName == gitLab.Name && allowed.Contains(tool.OriginalName)))
        {
            tools[ToolCallFilter.Key(GitLabPlugin, tool.OriginalName)] = new PluginTool(GitLabPlugin, tool.OriginalName);
            functions.Add(new McpToolFunction(catalog, tool, tool.OriginalName).AsKernelFunction());
        }

        return functions;
    }

    private async Task<(string Server, string? Problem)> TryConnectAsync(string server, CancellationToken cancellationToken)
    {
        try
        {
            await manager.ConnectAsync(server, cancellationToken);
            return (server, null);
        }
        catch (UpstreamException e)
        {
            return (server, e.Message);
        }
    }
}
