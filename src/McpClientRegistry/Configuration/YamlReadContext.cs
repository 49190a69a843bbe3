using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>What the readers of one file share: its name, the repeated keys, and the errors found so far.</summary>
/// <param name="file">The file name errors report.</param>
/// <param name="duplicates">Keys written twice, as renamed by the parser (see <see cref="YamlConfigDocument"/>).</param>
/// <param name="scope">The section whose entries errors name (<c>mcp_servers</c>, <c>models</c>), or <see langword="null"/>.</param>
public sealed class YamlReadContext(string file, IReadOnlyDictionary<string, DuplicateKey> duplicates, string? scope = RegistryReader.SectionName)
{
    private List<ConfigError> errors = [];

    /// <summary>The file name, as passed to the loader.</summary>
    public string File { get; } = file;

    /// <summary>Whether any error has been reported.</summary>
    public bool HasErrors => errors.Count > 0;

    /// <summary>Every error so far, in file order (line, then column; ties keep the order reported).</summary>
    public IReadOnlyList<ConfigError> Errors =>
        [.. errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)];

    /// <summary>The location of <paramref name="node"/> in this file.</summary>
    public ConfigLocation LocationOf(YamlNode node) => LocationOf(node.Start);

    /// <summary>The location of <paramref name="mark"/> in this file.</summary>
    public ConfigLocation LocationOf(Mark mark) => new(File, (int)mark.Line, (int)mark.Column);

    /// <summary>Reports a problem at <paramref name="node"/>.</summary>
    public void Add(YamlNode node, string? server, string? field, string message) =>
        errors.Add(new ConfigError(LocationOf(node), server, field, message) { Scope = scope });

    /// <summary>Reports a problem at <paramref name="mark"/>.</summary>
    public void Add(Mark mark, string? server, string? field, string message) =>
        errors.Add(new ConfigError(LocationOf(mark), server, field, message) { Scope = scope });

    /// <summary>
    /// A context for the same file and error list whose errors name entries of <paramref name="entryScope"/>
    /// (<c>models.gpt.provider</c>), or none when it is <see langword="null"/> (an agent file's fields).
    /// </summary>
    public YamlReadContext ForScope(string? entryScope) => new(File, duplicates, entryScope) { errors = errors };

    /// <summary>Adds errors found elsewhere (another reader of the same file).</summary>
    public void AddRange(IEnumerable<ConfigError> found) => errors.AddRange(found);

    /// <summary>
    /// The text of a mapping key, with <paramref name="duplicate"/> set when the key repeats an earlier
    /// one; <see langword="null"/> (after reporting it) when the key is not plain text.
    /// </summary>
    public string? KeyName(YamlNode key, string? server, string? field, out DuplicateKey? duplicate)
    {
        duplicate = null;
        if (key is not YamlScalarNode { Value: { } text })
        {
            Add(key, server, field, $"a key must be a plain name, but this one is {YamlNodes.Describe(key)}; write it as 'name:'");
            return null;
        }

        if (duplicates.TryGetValue(text, out duplicate))
        {
            return duplicate.Name;
        }

        return text;
    }
}
