using Tributary.Agents.Definitions;
using Tributary.Agents.Models;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>
/// Everything <c>tributary.yml</c> configures, as one immutable snapshot: the upstream registry and
/// the sections the agents and the host own. Each section is read by its own reader from the same
/// parsed file (see <see cref="TributaryConfigLoader"/>).
/// </summary>
/// <param name="SourcePath">The file it was loaded from.</param>
/// <param name="Registry">The <c>mcp_servers</c> registry.</param>
public sealed record TributaryConfig(string SourcePath, RegistryConfig Registry)
{
    /// <summary>The <c>gitlab</c> section: the GitLab the built-in tools talk to.</summary>
    public GitLabConfig GitLab { get; init; } = GitLabConfig.Default;

    /// <summary>The <c>cache</c> section: in memory, or Redis.</summary>
    public CacheConfig Cache { get; init; } = CacheConfig.Default;

    /// <summary>The <c>host</c> section: where <c>tributary serve</c> listens and which host names it answers.</summary>
    public HostConfig Host { get; init; } = HostConfig.Default;

    /// <summary>The <c>models</c> section: the chat models agents run on.</summary>
    public ModelsConfig Models { get; init; } = ModelsConfig.Empty;

    /// <summary>The agents defined in <c>agents/*.yml</c> (or <c>agents_dir</c>).</summary>
    public AgentDefinitions Agents { get; init; } = AgentDefinitions.Empty;

    /// <summary>A configuration with only a registry and every other section at its defaults.</summary>
    public static TributaryConfig ForRegistry(RegistryConfig registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new TributaryConfig(registry.SourcePath, registry);
    }
}
