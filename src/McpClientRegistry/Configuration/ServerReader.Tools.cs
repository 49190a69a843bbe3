using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Reader of the <c>tools: { allow, deny }</c> filter.</summary>
internal sealed partial class ServerReader
{
    /// <summary>The keys of <c>tools:</c>.</summary>
    public static readonly IReadOnlyList<string> ToolFilterKeys = ["allow", "deny"];

    private ToolFilter ReadTools()
    {
        if (fields.Node("tools") is not { } node || YamlNodes.IsNull(node))
        {
            return ToolFilter.All;
        }

        if (node is not YamlMappingNode map)
        {
            fields.Problem("tools", $"must be a mapping with 'allow' and/or 'deny' lists, e.g. 'tools: {{ deny: [\"delete_*\"] }}', but it is {YamlNodes.Describe(node)}");
            return ToolFilter.All;
        }

        var filter = fields.Nested("tools", map, ToolFilterKeys);
        var allow = ReadPatterns(filter, "allow");
        var deny = ReadPatterns(filter, "deny");
        return allow.Count == 0 && deny.Count == 0 ? ToolFilter.All : new ToolFilter(allow, deny);
    }

    private static List<string> ReadPatterns(MappingReader filter, string field)
    {
        var patterns = new List<string>();
        if (filter.Node(field) is not { } node || YamlNodes.IsNull(node))
        {
            return patterns;
        }

        if (node is not YamlSequenceNode list)
        {
            filter.Problem(field, $"must be a list of tool names or '*' globs, e.g. '[search, \"get_*\"]', but it is {YamlNodes.Describe(node)}");
            return patterns;
        }

        for (int i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            string itemPath = $"{field}[{i}]";
            if (item is not YamlScalarNode { Value: { } text })
            {
                filter.Problem(item, itemPath, $"must be a tool name or glob, but it is {YamlNodes.Describe(item)}");
            }
            else if (string.IsNullOrWhiteSpace(text) || YamlNodes.IsNull(item))
            {
                filter.Problem(item, itemPath, "is empty; give a tool name or a glob such as 'get_*', or remove the item");
            }
            else
            {
                patterns.Add(text);
            }
        }

        return patterns;
    }
}
