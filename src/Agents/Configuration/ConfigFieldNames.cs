using Tributary.Agents.Definitions;
using Tributary.Agents.Models;
using Tributary.Agents.Repository;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents.Configuration;

/// <summary>
/// The keys each reader of <c>tributary.yml</c>, <c>agents/*.yml</c> and <c>.tributary.yml</c> accepts, taken from
/// the readers themselves, so the JSON Schemas can be checked against them.
/// </summary>
public static class ConfigFieldNames
{
    /// <summary>The top-level keys of <c>tributary.yml</c>.</summary>
    public static IReadOnlyList<string> TopLevel { get; } = [RegistryFieldNames.Section, .. TributaryConfigLoader.OtherSections];

    /// <summary>The fields of <c>gitlab:</c>.</summary>
    public static IReadOnlyList<string> GitLab => GitLabConfigReader.Fields;

    /// <summary>The fields of <c>cache:</c>.</summary>
    public static IReadOnlyList<string> Cache => CacheConfigReader.Fields;

    /// <summary>The fields of <c>host:</c>.</summary>
    public static IReadOnlyList<string> Host => HostConfigReader.Fields;

    /// <summary>The fields of <c>host.oauth:</c>.</summary>
    public static IReadOnlyList<string> HostOAuth => HostOAuthConfigReader.Fields;

    /// <summary>The fields of <c>host.oauth.scopes:</c>.</summary>
    public static IReadOnlyList<string> HostOAuthScopes => HostOAuthConfigReader.ScopeFields;

    /// <summary>The fields of one entry of <c>models:</c>.</summary>
    public static IReadOnlyList<string> Model => ModelsConfigReader.Fields;

    /// <summary>The fields of an agent file.</summary>
    public static IReadOnlyList<string> Agent => AgentDefinitionReader.Fields;

    /// <summary>The fields of a repository's <c>.tributary.yml</c>.</summary>
    public static IReadOnlyList<string> Repository => RepositoryOverrideParser.Fields;
}
