using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Agents.GitLab;

/// <summary>Compact output for a model: small JSON objects with the fields that matter, and bounded text that says when it was cut.</summary>
internal static class ToolOutput
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text of <paramref name="node"/>, without indentation.</summary>
    public static string Json(JsonNode node) => node.ToJsonString(s_json);

    /// <summary>A new object with the <paramref name="fields"/> of <paramref name="source"/> that are present and not null.</summary>
    public static JsonObject Pick(JsonElement source, params ReadOnlySpan<string> fields)
    {
        var result = new JsonObject();
        foreach (string field in fields)
        {
            if (source.ValueKind == JsonValueKind.Object && source.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                result[field] = JsonNode.Parse(value.GetRawText());
            }
        }

        return result;
    }

    /// <summary>The <c>username</c> of a user object (<c>author</c>, <c>assignee</c>), or <see langword="null"/>.</summary>
    public static string? UserName(JsonElement source, string field) =>
        source.TryGetProperty(field, out var user) && user.ValueKind == JsonValueKind.Object && user.TryGetProperty("username", out var name)
            ? name.GetString()
            : null;

    /// <summary>The usernames of a list of users (<c>assignees</c>, <c>reviewers</c>).</summary>
    public static JsonArray UserNames(JsonElement source, string field)
    {
        var names = new JsonArray();
        if (source.TryGetProperty(field, out var users) && users.ValueKind == JsonValueKind.Array)
        {
            foreach (var user in users.EnumerateArray())
            {
                if (user.TryGetProperty("username", out var name))
                {
                    names.Add(name.GetString());
                }
            }
        }

        return names;
    }

    /// <summary><paramref name="text"/>, cut to <paramref name="maxLength"/> characters with a note saying how much was left out.</summary>
    public static string Bound(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxLength
            ? text
            : $"{text[..maxLength]}\n[truncated: {text.Length - maxLength} more characters not shown]";
    }

    /// <summary>The last <paramref name="maxLines"/> lines of <paramref name="text"/>, at most <paramref name="maxChars"/> characters, saying what was left out.</summary>
    public static string Tail(string text, int maxLines, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.TrimEnd('\n', '\r').Split('\n');
        int skipped = Math.Max(0, lines.Length - maxLines);
        string tail = string.Join('\n', lines.Skip(skipped));
        if (tail.Length > maxChars)
        {
            tail = tail[^maxChars..];
            int cut = tail.IndexOf('\n', StringComparison.Ordinal);
            tail = cut >= 0 ? tail[(cut + 1)..] : tail;
            skipped = lines.Length - tail.Split('\n').Length;
        }

        return skipped > 0 ? $"[first {skipped} lines not shown]\n{tail}" : tail;
    }
}
