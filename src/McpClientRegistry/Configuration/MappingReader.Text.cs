using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Text values: plain text, <c>${VAR}</c> templates and environment variable names.</summary>
public sealed partial class MappingReader
{
    private const string QuoteHint = "quote it if it contains ': ' or starts with '[', '{' or '*'";

    /// <summary>The text of <paramref name="field"/> (numbers and booleans as written), or <see langword="null"/> when absent, empty or not text (reported).</summary>
    public string? Text(string field) =>
        _given.TryGetValue(field, out var entry) && !YamlNodes.IsNull(entry.Value) ? TextOf(entry.Value, field) : null;

    /// <summary>The text of <paramref name="node"/>, named <paramref name="field"/> in errors; anything but a single value is reported.</summary>
    public string? TextOf(YamlNode node, string field)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Problem(node, field, $"must be a single text value, but it is {YamlNodes.Describe(node)}; {QuoteHint}");
        return null;
    }

    /// <summary>
    /// Text that may hold <c>${VAR}</c> (expanded later), checked for that syntax: the text as written even when the check
    /// failed (reported), so that a required field is not also reported as missing; <see langword="null"/> when absent.
    /// </summary>
    public string? Template(string field)
    {
        string? text = Text(field);
        if (text is not null)
        {
            CheckTemplate(_given[field].Value, field, text);
        }

        return text;
    }

    /// <summary>Whether <paramref name="text"/>, written at <paramref name="node"/>, is a valid <c>${VAR}</c> template; reports it when not.</summary>
    public bool CheckTemplate(YamlNode node, string field, string text)
    {
        string? problem = VariableTemplate.TryParse(text, out _);
        if (problem is not null)
        {
            Problem(node, field, problem);
        }

        return problem is null;
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

        if (NameRules.IsVariableName(name))
        {
            return name;
        }

        Problem(field, $"must be the name of an environment variable (letters, digits and '_', not starting with a digit), not its value; export the secret and write e.g. '{field}: {example}'");
        return null;
    }

    /// <summary>An absolute http:// or https:// URL with a host, or <see langword="null"/> when absent or invalid (reported).</summary>
    public Uri? HttpUrl(string field, string example)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        if (Configuration.HttpUrl.TryCreate(text, out var uri))
        {
            return uri;
        }

        Problem(field, $"'{text}' is not an http:// or https:// URL; write e.g. '{field}: {example}'");
        return null;
    }
}
