using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tributary.Server.Mcp;

/// <summary>
/// A client's <c>tools/call</c> arguments seen as the catalog takes them, without copying them: the values stay the
/// client's <see cref="JsonElement"/>s, which the upstream client serializes as they came.
/// </summary>
internal sealed class JsonArguments(IDictionary<string, JsonElement> arguments) : IReadOnlyDictionary<string, object?>
{
    /// <inheritdoc />
    public int Count => arguments.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => arguments.Keys;

    /// <inheritdoc />
    public IEnumerable<object?> Values => arguments.Values.Select(value => (object?)value);

    /// <inheritdoc />
    public object? this[string key] => arguments[key];

    /// <summary>The arguments of <paramref name="arguments"/>, or null when the call has none.</summary>
    public static JsonArguments? Of(IDictionary<string, JsonElement>? arguments) => arguments is null ? null : new(arguments);

    /// <inheritdoc />
    public bool ContainsKey(string key) => arguments.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (arguments.TryGetValue(key, out var element))
        {
            value = element;
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var (key, value) in arguments)
        {
            yield return new(key, value);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
