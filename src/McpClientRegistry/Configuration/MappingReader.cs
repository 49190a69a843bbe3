using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// The one config reader kit: reads the fields of one YAML mapping (a registry server, the <c>gitlab</c> section,
/// a model, an agent file, ...) into typed values, reporting every problem into the file's shared
/// <see cref="YamlReadContext"/> with its line, column and dotted path. Unknown fields get a did-you-mean, repeated
/// fields name the first line, and fields refused on purpose say what to use instead.
/// </summary>
/// <remarks>
/// Public rather than internal with <c>InternalsVisibleTo</c>: the Agents assembly's section readers use it, and this
/// repository keeps <c>InternalsVisibleTo</c> for test assemblies only, as it does for <see cref="YamlReadContext"/>.
/// </remarks>
public sealed partial class MappingReader
{
    private readonly YamlReadContext _context;
    private readonly string? _entry;
    private readonly string _section;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _given = new(StringComparer.Ordinal);

    private MappingReader(YamlReadContext context, string? entry, string section)
    {
        _context = context;
        _entry = entry;
        _section = section;
    }

    /// <summary>
    /// A reader of <paramref name="node"/> (a section's value, <see langword="null"/> when absent) reporting under the dotted
    /// <paramref name="section"/> path (<c>gitlab</c>, <c>models.gpt</c>; bare field names when empty, as in an agent file).
    /// A value that is not a mapping is reported now, with <paramref name="example"/> as the fix, and reads as empty.
    /// </summary>
    /// <param name="context">Where problems go.</param>
    /// <param name="section">The path fields are named under.</param>
    /// <param name="node">The mapping to read.</param>
    /// <param name="fields">The fields accepted.</param>
    /// <param name="example">A few settings, shown when the value is not a mapping.</param>
    /// <param name="refused">Fields refused on purpose, each with its message (what to use instead).</param>
    public static MappingReader Read(
        YamlReadContext context, string section, YamlNode? node, IReadOnlyList<string> fields, string example, IReadOnlyDictionary<string, string>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(section);
        var reader = new MappingReader(context, null, section);
        if (node is null || YamlNodes.IsNull(node))
        {
            return reader;
        }

        if (node is not YamlMappingNode map)
        {
            context.Add(node, null, section.Length > 0 ? section : null, $"must be a mapping of settings, but it is {YamlNodes.Describe(node)}; write e.g. '{section}: {{ {example} }}'");
            return reader;
        }

        reader.Collect(map, fields, refused);
        return reader;
    }

    /// <summary>
    /// A reader of the fields of <paramref name="map"/>, an entry of a section whose errors name it as
    /// <c>{scope}.{entry}.{field}</c> (<c>mcp_servers.docs.url</c>); the caller has checked the shape.
    /// </summary>
    public static MappingReader ReadEntry(YamlReadContext context, string entry, YamlMappingNode map, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(map);
        var reader = new MappingReader(context, entry, string.Empty);
        reader.Collect(map, fields, refused: null);
        return reader;
    }

    /// <summary>A reader of the mapping <paramref name="map"/> written under <paramref name="field"/> (<c>tools: { allow, deny }</c>).</summary>
    public MappingReader Nested(string field, YamlMappingNode map, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(map);
        var reader = new MappingReader(_context, _entry, Path(field));
        reader.Collect(map, fields, refused: null);
        return reader;
    }

    /// <summary>A reader with no fields given, for checking values found elsewhere under <paramref name="section"/>.</summary>
    public static MappingReader Empty(YamlReadContext context, string section) => new(context, null, section);

    /// <summary>Whether <paramref name="field"/> was written (even empty).</summary>
    public bool Has(string field) => _given.ContainsKey(field);

    /// <summary>The value node of <paramref name="field"/>, or <see langword="null"/> when it was not written.</summary>
    public YamlNode? Node(string field) => _given.TryGetValue(field, out var entry) ? entry.Value : null;

    /// <summary>The key node of <paramref name="field"/>, or <see langword="null"/> when it was not written.</summary>
    public YamlNode? Key(string field) => _given.TryGetValue(field, out var entry) ? entry.Key : null;

    /// <summary>Forgets <paramref name="field"/> (reported elsewhere as not applying); returns its key node, or <see langword="null"/> when it was not written.</summary>
    public YamlNode? Forget(string field) => _given.Remove(field, out var entry) ? entry.Key : null;

    /// <summary>Reports <paramref name="message"/> at the value of <paramref name="field"/>, which was written.</summary>
    public void Problem(string field, string message) => Problem(_given[field].Value, field, message);

    /// <summary>Reports <paramref name="message"/> at <paramref name="node"/>, naming <paramref name="field"/> (which may be a path such as <c>args[2]</c>).</summary>
    public void Problem(YamlNode node, string field, string message) => _context.Add(node, _entry, Path(field), message);

    /// <summary>The dotted path errors name <paramref name="field"/> by (after the entry, when there is one).</summary>
    public string Path(string field) => _section.Length > 0 ? $"{_section}.{field}" : field;

    /// <summary>The text of the mapping key <paramref name="key"/> under <paramref name="field"/>; see <see cref="YamlReadContext.KeyName"/>.</summary>
    public string? KeyName(YamlNode key, string? field, out DuplicateKey? duplicate) =>
        _context.KeyName(key, _entry, field is null ? (_section.Length > 0 ? _section : null) : Path(field), out duplicate);

    private void Collect(YamlMappingNode map, IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? refused)
    {
        foreach (var (key, value) in map.Children)
        {
            string? field = KeyName(key, null, out var duplicate);
            if (field is null)
            {
                continue;
            }

            if (duplicate is not null)
            {
                Problem(key, field, $"is given twice (first on line {duplicate.FirstLine}); keep one");
            }
            else if (refused?.TryGetValue(field, out string? instead) == true)
            {
                Problem(key, field, instead);
            }
            else if (!fields.Contains(field))
            {
                string? suggestion = DidYouMean.Suggest(field, fields);
                Problem(key, field, suggestion is not null
                    ? $"unknown field '{field}'; did you mean '{suggestion}'?"
                    : $"unknown field '{field}'; valid fields are: {string.Join(", ", fields)}");
            }
            else
            {
                _given[field] = (key, value);
            }
        }
    }
}
