using Tributary.McpClientRegistry.Configuration;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Configuration;

/// <summary>Typed values: booleans, numbers, lists of names, environment variable names.</summary>
internal sealed partial class SectionReader
{
    /// <summary><c>true</c> or <c>false</c>, or <see langword="null"/> when absent or invalid (reported).</summary>
    public bool? Bool(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text, out bool value))
        {
            return value;
        }

        Problem(field, $"must be true or false, but is '{text}'; write '{field}: true' or '{field}: false'");
        return null;
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, or <see langword="null"/> when absent or invalid (reported).</summary>
    public double? Number(string field, double min, double max, string example)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(field, $"must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, but is '{text}'; write e.g. '{field}: {example}'");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <see langword="null"/> when absent or invalid (reported).</summary>
    public int? Integer(string field, int min, int max, string example)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(field, $"must be a whole number from {min} to {max}, but is '{text}'; write e.g. '{field}: {example}'");
        return null;
    }

    /// <summary>
    /// The items of a list of plain values, each with its node (for errors), or <see langword="null"/> when the
    /// field is absent or not a list (reported). An empty value is an empty list.
    /// </summary>
    public IReadOnlyList<(string Text, YamlNode Node)>? TextList(string field, string example)
    {
        if (Node(field) is not { } node)
        {
            return null;
        }

        if (YamlNodes.IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list)
        {
            Problem(field, $"must be a list, but it is {YamlNodes.Describe(node)}; write e.g. '{field}: {example}'");
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

    /// <summary>
    /// The name of an environment variable (never its value), or <see langword="null"/> when absent or invalid (reported).
    /// </summary>
    public string? VariableName(string field, string example)
    {
        if (Text(field) is not { } name)
        {
            return null;
        }

        if (name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return name;
        }

        Problem(field, $"must be the name of an environment variable (letters, digits and '_', not starting with a digit), not its value; export the secret and write e.g. '{field}: {example}'");
        return null;
    }
}
