using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Readers of plain values: text, booleans, durations, lists and maps.</summary>
internal sealed partial class ServerReader
{
    // An initialize result alone takes a few hundred bytes; more than a gigabyte in one message is no longer a message.
    private const long MinMessageSize = 1024;
    private const long MaxMessageSize = 1024L * 1024 * 1024;

    private const string QuoteHint = "quote it if it contains ': ' or starts with '[', '{' or '*'";

    private string? ReadText(string field) =>
        given.TryGetValue(field, out var entry) && !YamlNodes.IsNull(entry.Value) ? ScalarText(field, entry.Value) : null;

    /// <summary>Reads a text field that may hold <c>${VAR}</c> and checks that syntax.</summary>
    private string? ReadTemplate(string field)
    {
        string? text = ReadText(field);
        if (text is not null)
        {
            CheckTemplate(field, given[field].Value, text);
        }

        return text;
    }

    /// <summary>The text of a scalar (numbers and booleans as written); reports anything else.</summary>
    private string? ScalarText(string path, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        context.Add(node, name, path, $"must be a single text value, but it is {YamlNodes.Describe(node)}; {QuoteHint}");
        return null;
    }

    private bool CheckTemplate(string path, YamlNode node, string text)
    {
        string? problem = VariableTemplate.TryParse(text, out _);
        if (problem is not null)
        {
            context.Add(node, name, path, problem);
        }

        return problem is null;
    }

    private bool? ReadBool(string field)
    {
        if (!given.TryGetValue(field, out var entry))
        {
            return null;
        }

        if (entry.Value is YamlScalarNode { Value: { } text } && !YamlNodes.IsNull(entry.Value))
        {
            if (bool.TryParse(text, out bool value))
            {
                return value;
            }

            context.Add(entry.Value, name, field, $"must be true or false, but is '{text}'; write '{field}: true' or '{field}: false'");
            return null;
        }

        context.Add(entry.Value, name, field, $"must be true or false, but it is {YamlNodes.Describe(entry.Value)}; write '{field}: true' or '{field}: false'");
        return null;
    }

    private TimeSpan? ReadDuration(string field)
    {
        if (!given.TryGetValue(field, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlScalarNode { Value: { } text } || YamlNodes.IsNull(entry.Value))
        {
            context.Add(entry.Value, name, field, $"must be a duration such as '30s', but it is {YamlNodes.Describe(entry.Value)}; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h");
            return null;
        }

        string? problem = DurationParser.Check(text, out var duration);
        if (problem is null)
        {
            return duration;
        }

        context.Add(entry.Value, name, field, problem);
        return null;
    }

    private long? ReadSize(string field)
    {
        if (!given.TryGetValue(field, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlScalarNode { Value: { } text } || YamlNodes.IsNull(entry.Value))
        {
            context.Add(entry.Value, name, field, $"must be a size such as '16MiB', but it is {YamlNodes.Describe(entry.Value)}; write a number of bytes (1048576) or a whole number with a unit: 512KiB, 16MiB, 1GiB");
            return null;
        }

        string? problem = SizeParser.Check(text, MinMessageSize, MaxMessageSize, out long bytes);
        if (problem is null)
        {
            return bytes;
        }

        context.Add(entry.Value, name, field, problem);
        return null;
    }

    private List<string> ReadArgs()
    {
        var args = new List<string>();
        if (!given.TryGetValue("args", out var entry) || YamlNodes.IsNull(entry.Value))
        {
            return args;
        }

        if (entry.Value is not YamlSequenceNode list)
        {
            context.Add(entry.Value, name, "args", $"must be a list of strings, but it is {YamlNodes.Describe(entry.Value)}; write one item per argument, e.g. 'args: [-y, \"@modelcontextprotocol/server-everything\"]'");
            return args;
        }

        for (int i = 0; i < list.Children.Count; i++)
        {
            string path = $"args[{i}]";
            if (ScalarText(path, list.Children[i]) is { } text && CheckTemplate(path, list.Children[i], text))
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
        if (!given.TryGetValue(field, out var entry) || YamlNodes.IsNull(entry.Value))
        {
            return map;
        }

        if (entry.Value is not YamlMappingNode mapping)
        {
            context.Add(entry.Value, name, field, $"must be a mapping of {keyKind} to value, e.g. '{field}: {{ {example} }}', but it is {YamlNodes.Describe(entry.Value)}");
            return map;
        }

        var firstLines = new Dictionary<string, int>(map.Comparer);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string? key = context.KeyName(keyNode, name, field, out var duplicate);
            if (key is null)
            {
                continue;
            }

            string path = $"{field}.{key}";
            if (duplicate is not null || firstLines.ContainsKey(key))
            {
                int line = duplicate?.FirstLine ?? firstLines[key];
                context.Add(keyNode, name, path, $"is given twice (first on line {line}); keep one");
                continue;
            }

            firstLines[key] = (int)keyNode.Start.Line;

            if (headers && !NameRules.IsHeaderName(key))
            {
                context.Add(keyNode, name, path, "is not a valid HTTP header name; use letters, digits and '-', e.g. 'X-Api-Key'");
                continue;
            }

            string? value = YamlNodes.IsNull(valueNode) ? string.Empty : ScalarText(path, valueNode);
            if (value is not null && CheckTemplate(path, valueNode, value))
            {
                map[key] = value;
            }
        }

        return map;
    }
}
