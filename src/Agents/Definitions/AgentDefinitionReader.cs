using Tributary.Agents.Configuration;
using Tributary.Agents.Models;
using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Definitions;

/// <summary>
/// Reads one agent file (<c>agents/NAME.yml</c>), checking its model and MCP servers against the loaded
/// <c>models</c> and registry, and reporting every problem with the file's name, line and field.
/// </summary>
internal static class AgentDefinitionReader
{
    /// <summary>The fields of an agent file, in the order the reference documents them.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "name", "description", "instructions", "model", "gitlab_tools", "mcp_servers", "repository_selectable_servers", "max_tool_calls", "timeout", "temperature", "max_tool_result_chars",
    ];

    private static readonly string[] AccessNames = ["read", "read-write", "none"];

    /// <summary>Reads <paramref name="file"/>; the result (named, for duplicate checks) is usable only when the file has no errors.</summary>
    public static AgentDefinition? Read(YamlConfigDocument file, ModelsConfig models, RegistryConfig? registry)
    {
        var context = file.Context.ForScope(null);
        if (file.Stream is null)
        {
            return null;
        }

        var root = file.Stream.Documents.Count > 0 ? file.Stream.Documents[0].RootNode : null;
        if (root is not YamlMappingNode)
        {
            const string Problem = "an agent file must be a mapping with at least 'name:' and 'instructions:'";
            context.AddRange([new ConfigError(new ConfigLocation(file.File, root is null ? 0 : (int)root.Start.Line, root is null ? 0 : (int)root.Start.Column), null, null, Problem) { Scope = null }]);
            return null;
        }

        var reader = MappingReader.Read(context, string.Empty, root, Fields, "name: reviewer");
        string? name = ReadName(context, reader, root);
        var instructions = ReadInstructions(context, reader, root);
        string? model = ReadModel(context, reader, root, models);
        var servers = ReadServers(reader, registry, "mcp_servers");
        var selectable = ReadServers(reader, registry, "repository_selectable_servers");
        var access = ReadGitLabTools(reader);
        var agent = new AgentDefinition
        {
            Name = name ?? string.Empty,
            Description = reader.Text("description"),
            Instructions = instructions!,
            Model = model ?? string.Empty,
            GitLabTools = access,
            McpServers = servers,
            RepositorySelectableServers = selectable,
            MaxToolCalls = reader.WholeNumber("max_tool_calls", 0, 1000, "20") ?? AgentDefinition.DefaultMaxToolCalls,
            Timeout = reader.Duration("timeout") ?? AgentDefinition.DefaultTimeout,
            Temperature = reader.Number("temperature", 0, 2, "0.2"),
            MaxToolResultChars = reader.WholeNumber("max_tool_result_chars", 1000, 1_000_000, "20000") ?? AgentDefinition.DefaultMaxToolResultChars,
            Location = context.LocationOf(root),
        };
        return name is null ? null : agent;
    }

    private static string? ReadName(YamlReadContext context, MappingReader reader, YamlNode root)
    {
        if (reader.Text("name") is not { } name)
        {
            context.Add(reader.Node("name") ?? root, null, "name", "is missing; give the agent a name, e.g. 'name: reviewer' (used by 'tributary agents run NAME')");
            return null;
        }

        if (!EntryNames.IsValid(name))
        {
            reader.Problem("name", $"'{name}' is not a valid agent name; use {EntryNames.Rule}");
            return null;
        }

        return name;
    }

    private static InstructionTemplate? ReadInstructions(YamlReadContext context, MappingReader reader, YamlNode root)
    {
        if (reader.Text("instructions") is not { } text || string.IsNullOrWhiteSpace(text))
        {
            context.Add(reader.Node("instructions") ?? root, null, "instructions", "is missing or empty; write the agent's system prompt, e.g. 'instructions: |' followed by indented lines");
            return null;
        }

        var template = InstructionTemplate.TryParse(text, out string? problem);
        if (problem is not null)
        {
            reader.Problem("instructions", problem);
        }

        return template;
    }

    private static string? ReadModel(YamlReadContext context, MappingReader reader, YamlNode root, ModelsConfig models)
    {
        if (reader.Text("model") is not { } name)
        {
            if (models.Default is { } fallback)
            {
                return fallback.Name;
            }

            context.Add(root, null, "model", models.Entries.Count == 0
                ? "no model to run on: tributary.yml has no 'models:' section; add one (see README, 'Models')"
                : "is missing and no model is marked 'default: true' in tributary.yml; name one with 'model: NAME' or mark a default");
            return null;
        }

        if (models.Find(name) is not null)
        {
            return name;
        }

        string? suggestion = DidYouMean.Suggest(name, models.Entries.Select(m => m.Name));
        reader.Problem("model", suggestion is not null
            ? $"unknown model '{name}'; did you mean '{suggestion}'?"
            : models.Entries.Count == 0
                ? $"unknown model '{name}': tributary.yml has no 'models:' section; add one (see README, 'Models')"
                : $"unknown model '{name}'; the models in tributary.yml are: {string.Join(", ", models.Entries.Select(m => m.Name))}");
        return null;
    }

    private static List<string> ReadServers(MappingReader reader, RegistryConfig? registry, string field)
    {
        var servers = new List<string>();
        foreach (var (name, node) in reader.TextList(field, "[everything, context7]") ?? [])
        {
            if (registry is null || registry.Find(name) is not null)
            {
                servers.Add(name);
                continue;
            }

            string? suggestion = DidYouMean.Suggest(name, registry.Servers.Select(s => s.Name));
            reader.Problem(node, field, suggestion is not null
                ? $"unknown MCP server '{name}'; did you mean '{suggestion}'?"
                : $"unknown MCP server '{name}'; name servers of 'mcp_servers' in tributary.yml ({(registry.Servers.Count == 0 ? "none is defined" : string.Join(", ", registry.Servers.Select(s => s.Name)))})");
        }

        return servers;
    }

    private static GitLabToolAccess ReadGitLabTools(MappingReader reader)
    {
        if (reader.Node("gitlab_tools") is YamlSequenceNode)
        {
            var names = reader.TextList("gitlab_tools", "[get_merge_request, get_merge_request_diff]") ?? [];
            return new GitLabToolAccess(GitLabToolAccessKind.Named, [.. names.Select(n => n.Text).Distinct(StringComparer.Ordinal)]);
        }

        switch (reader.Text("gitlab_tools"))
        {
            case null or "read":
                return GitLabToolAccess.Read;
            case "read-write":
                return new GitLabToolAccess(GitLabToolAccessKind.ReadWrite, []);
            case "none":
                return new GitLabToolAccess(GitLabToolAccessKind.None, []);
            case { } text:
                string? suggestion = DidYouMean.Suggest(text, AccessNames);
                reader.Problem("gitlab_tools", suggestion is not null
                    ? $"unknown value '{text}'; did you mean '{suggestion}'?"
                    : $"must be read, read-write, none, or a list of tool names, but is '{text}'; write e.g. 'gitlab_tools: read'");
                return GitLabToolAccess.Read;
        }
    }
}
