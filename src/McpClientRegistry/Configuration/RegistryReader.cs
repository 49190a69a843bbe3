using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Reads the top level of a registry file and its <c>mcp_servers</c> section.</summary>
internal sealed class RegistryReader(YamlReadContext context, IReadOnlyCollection<string> otherSections, IReadOnlyDictionary<string, string>? reservedPrefixes = null)
{
    /// <summary>The top-level key this reader owns.</summary>
    public const string SectionName = "mcp_servers";

    /// <summary>Reads every server of <paramref name="stream"/>, in file order, reporting problems to the context.</summary>
    public List<McpServerConfig> Read(YamlStream stream)
    {
        if (stream.Documents.Count == 0)
        {
            return [];
        }

        if (stream.Documents.Count > 1)
        {
            context.Add(stream.Documents[1].RootNode, null, null, "the file holds more than one YAML document; keep one (remove the '---' line and merge the rest)");
        }

        var root = stream.Documents[0].RootNode;
        if (YamlNodes.IsNull(root))
        {
            return [];
        }

        if (root is not YamlMappingNode map)
        {
            context.Add(root, null, null, $"the file must be a mapping of top-level keys such as '{SectionName}:', but it is {YamlNodes.Describe(root)}");
            return [];
        }

        YamlNode? section = null;
        foreach (var (keyNode, value) in map.Children)
        {
            string? key = context.KeyName(keyNode, null, null, out var duplicate);
            if (key is null || (duplicate is null && key != SectionName && otherSections.Contains(key)))
            {
                continue;
            }

            if (duplicate is not null)
            {
                context.Add(keyNode, null, key, $"appears twice (first on line {duplicate.FirstLine}); merge the two into one");
            }
            else if (key == SectionName)
            {
                section = value;
            }
            else
            {
                ReportUnknownSection(keyNode, key);
            }
        }

        return section is null ? [] : ReadServers(section);
    }

    private void ReportUnknownSection(YamlNode keyNode, string key)
    {
        string[] known = [SectionName, .. otherSections.Where(s => s != SectionName)];
        string? suggestion = DidYouMean.Suggest(key, known);
        context.Add(keyNode, null, key, suggestion is not null
            ? $"unknown top-level key '{key}'; did you mean '{suggestion}'?"
            : $"unknown top-level key '{key}'; valid top-level keys are: {string.Join(", ", known)}");
    }

    private List<McpServerConfig> ReadServers(YamlNode section)
    {
        var servers = new List<McpServerConfig>();
        if (YamlNodes.IsNull(section))
        {
            return servers;
        }

        if (section is not YamlMappingNode map)
        {
            context.Add(section, null, SectionName, $"must be a mapping from server name to its settings, but it is {YamlNodes.Describe(section)}; write each server as 'name:' with its settings indented below it");
            return servers;
        }

        var prefixes = new Dictionary<string, (string Server, int Line)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            string? name = context.KeyName(keyNode, null, SectionName, out var duplicate);
            if (name is null)
            {
                continue;
            }

            if (duplicate is not null)
            {
                context.Add(keyNode, name, null, $"is defined twice (first on line {duplicate.FirstLine}); rename one of them or remove one");
                continue;
            }

            var reader = new ServerReader(context, name, keyNode);
            if (reader.Read(value) is { } server)
            {
                servers.Add(server);
            }

            CheckPrefixIsUnique(reader, name, keyNode, prefixes);
        }

        return servers;
    }

    private void CheckPrefixIsUnique(ServerReader reader, string name, YamlNode keyNode, Dictionary<string, (string Server, int Line)> prefixes)
    {
        if (reader.Prefix is not { Length: > 0 } prefix)
        {
            return;
        }

        string source = reader.PrefixIsExplicit ? string.Empty : " (from the server name)";
        if (reservedPrefixes?.TryGetValue(prefix, out var owner) == true)
        {
            context.Add(reader.PrefixNode ?? keyNode, name, "prefix",
                $"'{prefix}'{source} is reserved for {owner} ({prefix}__*); set another 'prefix:' on this server, e.g. 'prefix: {prefix}_mcp'");
            return;
        }

        if (prefixes.TryGetValue(prefix, out var first))
        {
            context.Add(reader.PrefixNode ?? keyNode, name, "prefix",
                $"'{prefix}'{source} is also the prefix of server '{first.Server}' (line {first.Line}), so their tool names would collide; set a different 'prefix:' on one of them");
            return;
        }

        prefixes[prefix] = (name, (int)keyNode.Start.Line);
    }
}
