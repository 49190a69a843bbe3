using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Reader of the <c>tools: { allow, deny }</c> filter.</summary>
internal sealed partial class ServerReader
{
    /// <summary>The keys of <c>tools:</c>.</summary>
    public static readonly IReadOnlyList<string> ToolFilterKeys = ["allow", "deny"];

    private ToolFilter ReadTools()
    {
        if (!given.TryGetValue("tools", out var entry) || YamlNodes.IsNull(entry.Value))
        {
            return ToolFilter.All;
        }

        if (entry.Value is not YamlMappingNode map)
        {
            context.Add(entry.Value, name, "tools", $"must be a mapping with 'allow' and/or 'deny' lists, e.g. 'tools: {{ deny: [\"delete_*\"] }}', but it is {YamlNodes.Describe(entry.Value)}");
            return ToolFilter.All;
        }

        IReadOnlyList<string> allow = [];
        IReadOnlyList<string> deny = [];
        foreach (var (keyNode, value) in map.Children)
        {
            string? key = context.KeyName(keyNode, name, "tools", out var duplicate);
            if (key is null)
            {
                continue;
            }

            string path = $"tools.{key}";
            if (duplicate is not null)
            {
                context.Add(keyNode, name, path, $"is given twice (first on line {duplicate.FirstLine}); keep one");
            }
            else if (key is "allow" or "deny")
            {
                IReadOnlyList<string> patterns = ReadPatterns(path, value);
                if (key == "allow")
                {
                    allow = patterns;
                }
                else
                {
                    deny = patterns;
                }
            }
            else
            {
                string? suggestion = DidYouMean.Suggest(key, ToolFilterKeys);
                context.Add(keyNode, name, path, suggestion is not null
                    ? $"unknown key '{key}'; did you mean '{suggestion}'?"
                    : $"unknown key '{key}'; tools takes only 'allow' and 'deny'");
            }
        }

        return allow.Count == 0 && deny.Count == 0 ? ToolFilter.All : new ToolFilter(allow, deny);
    }

    private List<string> ReadPatterns(string path, YamlNode node)
    {
        var patterns = new List<string>();
        if (YamlNodes.IsNull(node))
        {
            return patterns;
        }

        if (node is not YamlSequenceNode list)
        {
            context.Add(node, name, path, $"must be a list of tool names or '*' globs, e.g. '[search, \"get_*\"]', but it is {YamlNodes.Describe(node)}");
            return patterns;
        }

        for (int i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            string itemPath = $"{path}[{i}]";
            if (item is not YamlScalarNode { Value: { } text })
            {
                context.Add(item, name, itemPath, $"must be a tool name or glob, but it is {YamlNodes.Describe(item)}");
            }
            else if (string.IsNullOrWhiteSpace(text) || YamlNodes.IsNull(item))
            {
                context.Add(item, name, itemPath, "is empty; give a tool name or a glob such as 'get_*', or remove the item");
            }
            else
            {
                patterns.Add(text);
            }
        }

        return patterns;
    }
}
