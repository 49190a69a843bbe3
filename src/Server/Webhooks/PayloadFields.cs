using System.Text.Json;

namespace Tributary.Server.Webhooks;

/// <summary>
/// Reads required fields of a webhook body by their dotted path (<c>object_attributes.iid</c>), throwing a
/// <see cref="PayloadException"/> that names the field, what it should be, and the event.
/// </summary>
internal readonly struct PayloadFields(JsonElement root, string eventName)
{
    private const string Fix = "send the body GitLab sends, unchanged";

    /// <summary>The object at <paramref name="path"/>.</summary>
    public JsonElement Object(string path) => Get(path, JsonValueKind.Object, "an object");

    /// <summary>The non-empty string at <paramref name="path"/>.</summary>
    public string String(string path)
    {
        var text = Get(path, JsonValueKind.String, "a string").GetString()!;
        return text.Length > 0 ? text : throw new PayloadException($"'{path}' in the {eventName} body is empty; {Fix}");
    }

    /// <summary>The string at <paramref name="path"/>, or <see langword="null"/> when it is absent or null.</summary>
    public string? OptionalString(string path) =>
        Find(path) is { } value ? Expect(path, value, JsonValueKind.String, "a string").GetString() : null;

    /// <summary>Whether the boolean at <paramref name="path"/> is true; absent or null counts as false.</summary>
    public bool OptionalFlag(string path) => Find(path) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } value => throw Wrong(path, value, "true or false"),
    };

    /// <summary>The positive whole number at <paramref name="path"/>.</summary>
    public long Id(string path)
    {
        var value = Get(path, JsonValueKind.Number, "a whole number");
        return value.TryGetInt64(out var id) && id > 0
            ? id
            : throw new PayloadException($"'{path}' in the {eventName} body is {value.GetRawText()}, not a positive whole number; {Fix}");
    }

    /// <summary>The merge request iid at <paramref name="path"/> (a positive number that fits an <see cref="int"/>).</summary>
    public int Iid(string path)
    {
        var id = Id(path);
        return id <= int.MaxValue ? (int)id : throw new PayloadException($"'{path}' in the {eventName} body is {id}, too large for a merge request iid; {Fix}");
    }

    private JsonElement Get(string path, JsonValueKind kind, string expected) =>
        Find(path) is { } value
            ? Expect(path, value, kind, expected)
            : throw new PayloadException($"the {eventName} body has no '{path}' ({expected}); {Fix}");

    private JsonElement Expect(string path, JsonElement value, JsonValueKind kind, string expected) =>
        value.ValueKind == kind ? value : throw Wrong(path, value, expected);

    private PayloadException Wrong(string path, JsonElement value, string expected) =>
        new($"'{path}' in the {eventName} body is {Describe(value.ValueKind)}, not {expected}; {Fix}");

    // Absent and null are the same to GitLab's serializer: a field it has no value for.
    private JsonElement? Find(string path)
    {
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
