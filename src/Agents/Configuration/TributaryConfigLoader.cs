using Tributary.Agents.Definitions;
using Tributary.Agents.Models;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>
/// Loads <c>tributary.yml</c>: parses it once and lets each section's reader check its part, so
/// every error of the file is reported at once, in file order, with file, line and field.
/// </summary>
public static class TributaryConfigLoader
{
    /// <summary>The top-level sections besides <c>mcp_servers</c>; any other key is reported as unknown.</summary>
    public static readonly IReadOnlyCollection<string> OtherSections = ["gitlab", "models", "agents_dir", "host", "cache"];

    /// <summary>Tool-name prefixes no upstream may take, with what owns them: the built-in GitLab tools are <c>gitlab__*</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> ReservedPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [GitLab.GitLabToolNames.Prefix] = "Tributary's built-in GitLab tools",
    };

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static TributaryConfigLoadResult Load(string path) => Read(YamlConfigDocument.Load(path));

    /// <summary>Checks <paramref name="yaml"/>, naming <paramref name="fileName"/> in errors.</summary>
    public static TributaryConfigLoadResult Parse(string yaml, string fileName) => Read(YamlConfigDocument.Parse(yaml, fileName));

    private static TributaryConfigLoadResult Read(YamlConfigDocument document)
    {
        var registry = RegistryConfigLoader.Read(document, OtherSections, ReservedPrefixes);
        var gitLab = GitLabConfigReader.Read(document);
        var cache = CacheConfigReader.Read(document);
        var host = HostConfigReader.Read(document);
        var models = ModelsConfigReader.Read(document);
        var agentErrors = new List<ConfigError>();
        var agents = document.Stream is null
            ? AgentDefinitions.Empty
            : AgentDefinitionsLoader.Load(document, models, registry.Config, agentErrors);

        // The config file's errors first, in its own line order, then each agent file's.
        return document.HasErrors || registry.Config is null || agentErrors.Count > 0
            ? new TributaryConfigLoadResult(null, [.. document.Errors, .. agentErrors])
            : new TributaryConfigLoadResult(new TributaryConfig(document.File, registry.Config) { GitLab = gitLab, Cache = cache, Host = host, Models = models, Agents = agents }, []);
    }
}
