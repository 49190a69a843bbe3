using Microsoft.Extensions.DependencyInjection;
using Tributary.Agents;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;

namespace Tributary.Server.Cli;

/// <summary>The built-in GitLab tools in <c>tools list</c>: listed whether or not a token is set, never contacting GitLab.</summary>
/// <param name="Url">The GitLab instance.</param>
/// <param name="Problem">Why the tools cannot call GitLab (no token), or <see langword="null"/>.</param>
/// <param name="Tools">The tools, as <c>/mcp</c> serves them.</param>
internal sealed record ToolsListGitLab(string Url, string? Problem, IReadOnlyList<ToolsListGitLabTool> Tools)
{
    /// <summary>The built-in tools for <paramref name="config"/>, with the token read through <paramref name="readVariable"/>.</summary>
    public static ToolsListGitLab From(TributaryConfig config, Func<string, string?> readVariable)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTributaryGitLab(config, readVariable);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<GitLabClient>();
        var tools = provider.GetRequiredService<GitLabToolset>().Tools
            .Select(t => new ToolsListGitLabTool(GitLabToolNames.Exposed(t.Name), t.ReadOnly, t.Function.Description))
            .ToList();
        return new ToolsListGitLab(client.Url.ToString().TrimEnd('/'), client.ConfigurationProblem, tools);
    }
}
