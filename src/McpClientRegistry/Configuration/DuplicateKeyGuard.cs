using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// Wraps a YAML parser so that a key repeated in a mapping does not abort loading (the representation
/// model throws on the first duplicate): the repeat is renamed to a unique placeholder and remembered
/// in <see cref="Duplicates"/>, so the validator can report it with its own position and go on.
/// Also reports an alias with no anchor at its own position without naming it (the representation
/// model reports line 1 and quotes the name, which may be part of a secret written unquoted), and
/// turns the rare non-YAML exception of the scanner into a <see cref="YamlException"/> with a position.
/// </summary>
internal sealed class DuplicateKeyGuard(IParser inner) : IParser
{
    private const string PlaceholderPrefix = "\u0001duplicate-key-";

    private readonly Stack<Frame> frames = new();
    private readonly Dictionary<string, DuplicateKey> duplicates = new(StringComparer.Ordinal);
    private readonly HashSet<string> anchors = new(StringComparer.Ordinal);
    private Mark lastEnd = new(0, 1, 1);

    /// <summary>The renamed repeats, by placeholder key.</summary>
    public IReadOnlyDictionary<string, DuplicateKey> Duplicates => duplicates;

    /// <inheritdoc />
    public ParsingEvent? Current { get; private set; }

    /// <inheritdoc />
    public bool MoveNext()
    {
        try
        {
            if (!inner.MoveNext())
            {
                Current = null;
                return false;
            }
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections.
            throw new YamlException(lastEnd, lastEnd, "could not read the YAML after this point", ex);
        }

        Current = Track(inner.Current!);
        lastEnd = Current.End;
        return true;
    }

    private ParsingEvent Track(ParsingEvent e)
    {
        if (e is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors.Add(anchored.Anchor.Value);
        }
        else if (e is AnchorAlias alias && !anchors.Contains(alias.Value.Value))
        {
            throw new YamlException(alias.Start, alias.End, "a value starting with '*' is read as an alias, and no '&' anchor defines this one; quote the value, e.g. \"*_delete\"");
        }

        switch (e)
        {
            case MappingEnd or SequenceEnd:
                frames.TryPop(out _);
                return e;
            case DocumentStart:
                frames.Clear();
                anchors.Clear();
                return e;
            case Scalar or AnchorAlias or MappingStart or SequenceStart:
                bool isKey = frames.TryPeek(out var frame) && frame.IsMapping && frame.ExpectsKey;
                if (frame is { IsMapping: true })
                {
                    frame.ExpectsKey = !frame.ExpectsKey;
                }

                if (e is MappingStart or SequenceStart)
                {
                    frames.Push(new Frame(e is MappingStart));
                }

                return isKey && e is Scalar key ? Deduplicate(frame!, key) : e;
            default:
                return e;
        }
    }

    private Scalar Deduplicate(Frame frame, Scalar key)
    {
        if (frame.Keys.TryAdd(key.Value, (int)key.Start.Line))
        {
            return key;
        }

        string placeholder = PlaceholderPrefix + duplicates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        duplicates[placeholder] = new DuplicateKey(key.Value, frame.Keys[key.Value]);
        return new Scalar(key.Anchor, key.Tag, placeholder, key.Style, key.IsPlainImplicit, key.IsQuotedImplicit, key.Start, key.End, key.IsKey);
    }

    private sealed class Frame(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;

        public bool ExpectsKey { get; set; } = true;

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);
    }
}
