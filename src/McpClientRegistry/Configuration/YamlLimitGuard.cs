using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Wraps a YAML parser and stops at the first event past the <see cref="YamlLimits"/>: nesting deeper than the
/// limit, too many aliases, or aliases standing for too many nodes (a "billion laughs" file). YamlDotNet's parser
/// keeps its own stack, but the representation model recurses once per level, so 200,000 nested <c>[</c> would
/// overflow the stack before any reader saw the file; checking each event as it is pulled stops at level 65.
/// </summary>
internal sealed class YamlLimitGuard(IParser inner, YamlLimits limits) : IParser
{
    private readonly Stack<Open> open = new();
    private readonly Dictionary<string, long> anchorSizes = new(StringComparer.Ordinal);
    private readonly HashSet<string> openAnchors = new(StringComparer.Ordinal);
    private long nodes;
    private long aliasNodes;
    private int aliases;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        Check(inner.Current!);
        return true;
    }

    private void Check(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                open.Clear();
                openAnchors.Clear();
                anchorSizes.Clear();
                break;
            case Scalar scalar:
                nodes++;
                if (!scalar.Anchor.IsEmpty)
                {
                    anchorSizes[scalar.Anchor.Value] = 1;
                }

                break;
            case MappingStart or SequenceStart:
                if (open.Count >= limits.MaxDepth)
                {
                    throw Exceeded(e, $"nesting deeper than {limits.MaxDepth} levels at line {Line(e)}; Tributary reads at most {limits.MaxDepth} levels of lists and mappings, so the file is not read; flatten it");
                }

                var anchor = ((NodeEvent)e).Anchor;
                open.Push(new Open(anchor.IsEmpty ? null : anchor.Value, nodes));
                if (!anchor.IsEmpty)
                {
                    openAnchors.Add(anchor.Value);
                }

                nodes++;
                break;
            case MappingEnd or SequenceEnd when open.TryPop(out var closed) && closed.Anchor is { } name:
                openAnchors.Remove(name);
                anchorSizes[name] = nodes - closed.NodesBefore;
                break;
            case AnchorAlias alias:
                CheckAlias(alias);
                break;
        }
    }

    private void CheckAlias(AnchorAlias alias)
    {
        if (++aliases > limits.MaxAliases)
        {
            throw Exceeded(alias, $"more than {limits.MaxAliases} aliases at line {Line(alias)}; Tributary reads at most {limits.MaxAliases} alias references ('*name'), so the file is not read; write the values out");
        }

        string name = alias.Value.Value;
        if (openAnchors.Contains(name))
        {
            throw Exceeded(alias, $"an alias at line {Line(alias)} refers to a list or mapping that contains it, an endless loop, so the file is not read; remove the alias");
        }

        // An alias with no anchor is reported by DuplicateKeyGuard, which knows how to word it.
        long size = anchorSizes.GetValueOrDefault(name);
        nodes += size;
        aliasNodes += size;
        if (aliasNodes > limits.MaxAliasNodes)
        {
            throw Exceeded(alias, string.Create(CultureInfo.InvariantCulture, $"aliases expand to more than {limits.MaxAliasNodes:N0} values at line {Line(alias)}; Tributary expands at most {limits.MaxAliasNodes:N0} (an alias bomb would exhaust memory), so the file is not read; write the values out or use fewer aliases"));
        }
    }

    private static long Line(ParsingEvent e) => e.Start.Line;

    private static YamlLimitException Exceeded(ParsingEvent e, string message) => new(e.Start, e.End, message);

    private sealed record Open(string? Anchor, long NodesBefore);
}
