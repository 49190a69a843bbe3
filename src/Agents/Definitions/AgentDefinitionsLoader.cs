using Tributary.Agents.Models;
using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Definitions;

/// <summary>
/// Finds the agent files (<c>*.yml</c> and <c>*.yaml</c> in <c>agents_dir</c>, by default <c>agents/</c> beside
/// <c>tributary.yml</c>) and reads each; errors name each file as found from the config file's path.
/// </summary>
internal static class AgentDefinitionsLoader
{
    /// <summary>The top-level key of <c>tributary.yml</c> that moves the folder.</summary>
    public const string DirectoryKey = "agents_dir";

    /// <summary>The folder beside <c>tributary.yml</c> read when <c>agents_dir</c> is not given.</summary>
    public const string DefaultDirectory = "agents";

    /// <summary>
    /// Reads the agents of the config <paramref name="document"/>; problems of <c>agents_dir</c> go into the
    /// document, those of agent files into <paramref name="errors"/>, file after file.
    /// </summary>
    public static AgentDefinitions Load(YamlConfigDocument document, ModelsConfig models, RegistryConfig? registry, List<ConfigError> errors)
    {
        string baseDirectory = Path.GetDirectoryName(document.File) ?? string.Empty;
        if (ReadDirectory(document, baseDirectory) is not { } directory)
        {
            return AgentDefinitions.Empty;
        }

        if (!System.IO.Directory.Exists(directory))
        {
            return new AgentDefinitions(directory, []);
        }

        var agents = new List<AgentDefinition>();
        var seen = new Dictionary<string, ConfigLocation>(StringComparer.Ordinal);
        var files = System.IO.Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            var agentFile = YamlConfigDocument.Load(file);
            var agent = AgentDefinitionReader.Read(agentFile, models, registry);
            if (agent is { Name.Length: > 0 } && !seen.TryAdd(agent.Name, agent.Location))
            {
                agentFile.Context.AddRange([new ConfigError(agent.Location, null, "name", $"agent '{agent.Name}' is also defined in {seen[agent.Name]}; rename one of them") { Scope = null }]);
            }

            if (agent is not null && !agentFile.HasErrors)
            {
                agents.Add(agent);
            }

            errors.AddRange(agentFile.Errors);
        }

        return new AgentDefinitions(directory, [.. agents.OrderBy(a => a.Name, StringComparer.Ordinal)]);
    }

    private static string? ReadDirectory(YamlConfigDocument document, string baseDirectory)
    {
        var node = document.Section(DirectoryKey);
        if (node is null || YamlNodes.IsNull(node))
        {
            return Path.Combine(baseDirectory, DefaultDirectory);
        }

        var context = document.Context.ForScope(null);
        if (node is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            context.Add(node, null, DirectoryKey, $"must be a folder path, but it is {YamlNodes.Describe(node)}; write e.g. 'agents_dir: agents'");
            return null;
        }

        string directory = Path.Combine(baseDirectory, text);
        if (!System.IO.Directory.Exists(directory))
        {
            context.Add(node, null, DirectoryKey, $"the folder '{directory}' does not exist; create it, or remove 'agents_dir' to use '{Path.Combine(baseDirectory, DefaultDirectory)}'");
            return null;
        }

        return directory;
    }
}
