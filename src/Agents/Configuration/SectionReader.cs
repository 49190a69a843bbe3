using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Configuration;

/// <summary>
/// Reads the fields of one flat top-level section (<c>gitlab</c>, <c>cache</c>), reporting every problem
/// as <c>section.field: ...</c> into the file's shared context.
/// </summary>
internal sealed partial class SectionReader
{
    private readonly YamlReadContext _context;
    private readonly string _section;
    private readonly Dictionary<string, YamlNode> _given = new(StringComparer.Ordinal);

    private SectionReader(YamlReadContext context, string section)
    {
        _context = context;
        _section = section;
    }

    /// <summary>
    /// A reader of <paramref name="node"/> (the section's value, <see langword="null"/> when absent), which must
    /// be a mapping of <paramref name="fields"/>; unknown and repeated fields are reported now.
    /// </summary>
    public static SectionReader Read(YamlConfigDocument document, string section, YamlNode? node, IReadOnlyList<string> fields, string example) =>
        Read(document.Context.ForScope(null), section, node, fields, example);

    /// <summary>
    /// A reader of <paramref name="node"/> reporting into <paramref name="context"/> under the dotted
    /// <paramref name="section"/> path (<c>models.gpt</c>), or under bare field names when it is empty (an agent file).
    /// </summary>
    public static SectionReader Read(YamlReadContext context, string section, YamlNode? node, IReadOnlyList<string> fields, string example)
    {
        var reader = new SectionReader(context, section);
        if (node is null || YamlNodes.IsNull(node))
        {
            return reader;
        }

        if (node is not YamlMappingNode map)
        {
            reader._context.Add(node, null, section.Length > 0 ? section : null, $"must be a mapping of settings, but it is {YamlNodes.Describe(node)}; write e.g. '{section}: {{ {example} }}'");
            return reader;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            string? field = reader._context.KeyName(keyNode, null, section.Length > 0 ? section : null, out var duplicate);
            if (field is null)
            {
                continue;
            }

            if (duplicate is not null)
            {
                reader._context.Add(keyNode, null, reader.Path(field), $"is given twice (first on line {duplicate.FirstLine}); keep one");
            }
            else if (!fields.Contains(field))
            {
                string? suggestion = DidYouMean.Suggest(field, fields);
                reader._context.Add(keyNode, null, reader.Path(field), suggestion is not null
                    ? $"unknown field '{field}'; did you mean '{suggestion}'?"
                    : $"unknown field '{field}'; valid fields are: {string.Join(", ", fields)}");
            }
            else
            {
                reader._given[field] = value;
            }
        }

        return reader;
    }

    /// <summary>The text of <paramref name="field"/>, or <see langword="null"/> when absent, empty or not text (reported).</summary>
    public string? Text(string field)
    {
        if (!_given.TryGetValue(field, out var node) || YamlNodes.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        _context.Add(node, null, Path(field), $"must be a single text value, but it is {YamlNodes.Describe(node)}");
        return null;
    }

    /// <summary>A duration (<c>30</c>, <c>500ms</c>, <c>2m</c>), or <see langword="null"/> when absent or invalid (reported).</summary>
    public TimeSpan? Duration(string field)
    {
        if (Text(field) is not { } text)
        {
            return null;
        }

        string? problem = DurationParser.Check(text, out var duration);
        return problem is null ? duration : Report(field, problem);
    }

    /// <summary>Reports <paramref name="message"/> at the value of <paramref name="field"/>; returns <see langword="null"/>.</summary>
    public TimeSpan? Report(string field, string message)
    {
        _context.Add(_given[field], null, Path(field), message);
        return null;
    }

    /// <summary>Whether <paramref name="field"/> was written (even empty).</summary>
    public bool Has(string field) => _given.ContainsKey(field);

    /// <summary>The value node of <paramref name="field"/>, or <see langword="null"/> when it was not written.</summary>
    public YamlNode? Node(string field) => _given.GetValueOrDefault(field);

    /// <summary>Reports <paramref name="message"/> at the value of <paramref name="field"/>.</summary>
    public void Problem(string field, string message) => _context.Add(_given[field], null, Path(field), message);

    /// <summary>Reports <paramref name="message"/> at <paramref name="node"/>, naming <paramref name="field"/> (which may be <c>field[2]</c>).</summary>
    public void Problem(YamlNode node, string field, string message) => _context.Add(node, null, Path(field), message);

    /// <summary>The dotted path errors name <paramref name="field"/> by.</summary>
    public string Path(string field) => _section.Length > 0 ? $"{_section}.{field}" : field;
}
