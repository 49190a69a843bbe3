using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Readers of the registry's own shapes: the <c>args</c> list and the <c>env</c> and <c>headers</c> maps.</summary>
internal sealed partial class ServerReader
{
    // An initialize result alone takes a few hundred bytes; more than a gigabyte in one message is no longer a message.
    private const long MinMessageSize = 1024;
    private const long MaxMessageSize = 1024L * 1024 * 1024;

    private List<string> ReadArgs()
    {
        var args = new List<string>();
        if (fields.Node("args") is not { } node || YamlNodes.IsNull(node))
        {
            return args;
        }

        if (node is not YamlSequenceNode list)
        {
            fields.Problem("args", $"must be a list of strings, but it is {YamlNodes.Describe(node)}; write one item per argument, e.g. 'args: [-y, \"@modelcontextprotocol/server-everything\"]'");
            return args;
        }

        for (int i = 0; i < list.Children.Count; i++)
        {
            string path = $"args[{i}]";
            if (fields.TextOf(list.Children[i], path) is { } text && fields.CheckTemplate(list.Children[i], path, text))
            {
                args.Add(text);
            }
        }

        return args;
    }

    private Dictionary<string, string> ReadMap(string field, string keyKind, string example)
    {
        bool headers = field == "headers";
        var map = new Dictionary<string, string>(headers ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        if (fields.Node(field) is not { } node || YamlNodes.IsNull(node))
        {
            return map;
        }

        if (node is not YamlMappingNode mapping)
        {
            fields.Problem(field, $"must be a mapping of {keyKind} to value, e.g. '{field}: {{ {example} }}', but it is {YamlNodes.Describe(node)}");
            return map;
        }

        var firstLines = new Dictionary<string, int>(map.Comparer);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string? key = fields.KeyName(keyNode, field, out var duplicate);
            if (key is null)
            {
                continue;
            }

            string path = $"{field}.{key}";
            if (duplicate is not null || firstLines.ContainsKey(key))
            {
                int line = duplicate?.FirstLine ?? firstLines[key];
                fields.Problem(keyNode, path, $"is given twice (first on line {line}); keep one");
                continue;
            }

            firstLines[key] = (int)keyNode.Start.Line;

            if (headers && !NameRules.IsHeaderName(key))
            {
                fields.Problem(keyNode, path, "is not a valid HTTP header name; use letters, digits and '-', e.g. 'X-Api-Key'");
                continue;
            }

            string? value = YamlNodes.IsNull(valueNode) ? string.Empty : fields.TextOf(valueNode, path);
            if (value is not null && fields.CheckTemplate(valueNode, path, value))
            {
                map[key] = value;
            }
        }

        return map;
    }
}
