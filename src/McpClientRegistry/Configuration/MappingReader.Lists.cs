using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Lists of plain values.</summary>
public sealed partial class MappingReader
{
    /// <summary>
    /// The items of a list of plain values, each with its node (for errors), or <see langword="null"/> when the
    /// field is absent or not a list (reported). An empty value is an empty list.
    /// </summary>
    public IReadOnlyList<(string Text, YamlNode Node)>? TextList(string field, string example) =>
        Node(field) is { } node ? TextListOf(node, field, example) : null;

    /// <summary>
    /// The items of the list <paramref name="node"/>, named <paramref name="field"/> in errors, or <see langword="null"/>
    /// when it is not a list (reported). An empty value is an empty list; an item that is not a name is reported and left out.
    /// </summary>
    public IReadOnlyList<(string Text, YamlNode Node)>? TextListOf(YamlNode node, string field, string example)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            Problem(node, field, $"must be a list, but it is {YamlNodes.Describe(node)}; write e.g. '{field}: {example}'");
            return null;
        }

        var items = new List<(string, YamlNode)>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is YamlScalarNode { Value: { Length: > 0 } text })
            {
                items.Add((text, list.Children[i]));
            }
            else
            {
                Problem(list.Children[i], $"{field}[{i}]", $"must be a name, but it is {YamlNodes.Describe(list.Children[i])}; write e.g. '{field}: {example}'");
            }
        }

        return items;
    }
}
