using Tributary.Agents.Configuration;
using Tributary.Agents.Definitions;
using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Repository;

/// <summary>
/// Reads a <c>.tributary.yml</c>: <c>mcp_servers: { agent: [names] }</c> (replacing that agent's list),
/// <c>review_rules</c>, <c>skip_paths</c>, <c>disabled_agents</c>, <c>review_drafts</c>. Unknown names and wrong values are reported and
/// left out; a file that is not valid YAML is reported with its line and changes nothing. A repository may choose
/// an agent's servers only among those the operator allows (<see cref="AgentDefinition.RepositoryChoices"/>): it
/// narrows, never widens, and a name outside them is reported the same way whether or not the registry has it,
/// so a repository cannot probe the registry.
/// </summary>
public static class RepositoryOverrideParser
{
    /// <summary>The file's name at the root of a project.</summary>
    public const string FileName = ".tributary.yml";

    /// <summary>The fields this reader accepts.</summary>
    internal static readonly IReadOnlyList<string> Fields = ["mcp_servers", "review_rules", "skip_paths", "disabled_agents", "review_drafts"];

    /// <summary>Reads <paramref name="yaml"/>, checking names against <paramref name="agents"/> and the servers each allows.</summary>
    public static RepositoryOverride Parse(string yaml, AgentDefinitions agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var document = YamlConfigDocument.Parse(yaml, FileName, YamlLimits.RepositoryFile);
        var root = document.Root;
        if (document.Stream is null || root is null)
        {
            if (document.Stream is { Documents: [{ RootNode: var node }] } && !YamlNodes.IsNull(node))
            {
                document.Context.ForScope(null).Add(node, null, null, $"the file must be a mapping of {string.Join(", ", Fields)}, but it is {YamlNodes.Describe(node)}");
            }

            return RepositoryOverride.None with { Problems = Problems(document) };
        }

        var context = document.Context.ForScope(null);
        var reader = MappingReader.Read(context, string.Empty, root, Fields, "review_rules: Prefer small functions.");
        var result = new RepositoryOverride
        {
            McpServers = ReadServers(context, reader, agents),
            ReviewRules = reader.Text("review_rules"),
            SkipPaths = [.. (reader.TextList("skip_paths", "[\"docs/**\", \"*.lock\"]") ?? []).Select(item => item.Text)],
            DisabledAgents = ReadAgentNames(reader, "disabled_agents", agents),
            ReviewDrafts = reader.Bool("review_drafts") ?? false,
        };
        return result with { Problems = Problems(document) };
    }

    /// <summary>
    /// The override of a file past the size cap, which was not read past it: no settings, and the same problem
    /// <see cref="Parse"/> reports for a file too large (naming its size when <paramref name="size"/> is known).
    /// </summary>
    public static RepositoryOverride TooLarge(long? size) =>
        RepositoryOverride.None with { Problems = Problems(YamlConfigDocument.TooLarge(FileName, size, YamlLimits.RepositoryFile)) };

    private static string[] Problems(YamlConfigDocument document) => [.. document.Errors.Select(e => e.ToString())];

    private static Dictionary<string, IReadOnlyList<string>> ReadServers(YamlReadContext context, MappingReader reader, AgentDefinitions agents)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (reader.Node("mcp_servers") is not { } node || YamlNodes.IsNull(node))
        {
            return lists;
        }

        if (node is not YamlMappingNode map)
        {
            reader.Problem("mcp_servers", $"must be a mapping from agent name to a list of MCP servers, but it is {YamlNodes.Describe(node)}; write e.g. 'mcp_servers: {{ reviewer: [context7] }}'");
            return lists;
        }

        var entries = MappingReader.Empty(context, "mcp_servers");
        foreach (var (keyNode, value) in map.Children)
        {
            if (entries.KeyName(keyNode, null, out _) is not { } agent)
            {
                continue;
            }

            if (agents.Find(agent) is not { } definition)
            {
                entries.Problem(keyNode, agent, $"no agent is named '{agent}' (agents: {string.Join(", ", agents.All.Select(a => a.Name))}); ignored");
                continue;
            }

            if (entries.TextListOf(value, agent, "[context7]") is not { } names)
            {
                continue;
            }

            var allowed = definition.RepositoryChoices;
            var known = new List<string>();
            foreach (var (name, itemNode) in names)
            {
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    entries.Problem(itemNode, agent, $"'{name}' is not allowed for agent '{agent}' (allowed: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}); ignored — the operator can add it to repository_selectable_servers in {AgentFile(definition)}");
                }
                else if (!known.Contains(name))
                {
                    known.Add(name);
                }
            }

            lists[agent] = known;
        }

        return lists;
    }

    // The agents folder and file name only: notices reach the repository, which has no business knowing the host's paths.
    private static string AgentFile(AgentDefinition agent) =>
        $"{Path.GetFileName(Path.GetDirectoryName(agent.Location.File))}/{Path.GetFileName(agent.Location.File)}";

    private static List<string> ReadAgentNames(MappingReader reader, string field, AgentDefinitions agents)
    {
        var names = new List<string>();
        foreach (var (name, node) in reader.TextList(field, "[chat]") ?? [])
        {
            if (agents.Find(name) is null)
            {
                reader.Problem(node, field, $"no agent is named '{name}' (agents: {string.Join(", ", agents.All.Select(a => a.Name))}); ignored");
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }
}
