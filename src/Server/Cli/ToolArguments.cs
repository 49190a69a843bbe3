using System.Text.Json;

namespace Tributary.Server.Cli;

/// <summary>Reads <c>--args</c>: one JSON object whose properties are the tool's arguments.</summary>
internal static class ToolArguments
{
    /// <summary>
    /// Parses <paramref name="json"/> (none means no arguments). Returns <see langword="false"/> with a
    /// message naming the problem when it is not JSON or not an object.
    /// </summary>
    public static bool TryParse(string? json, out IReadOnlyDictionary<string, object?>? arguments, out string? problem)
    {
        arguments = null;
        problem = null;
        if (json is null)
        {
            return true;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problem = $"--args is not valid JSON: {e.Message}";
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"--args must be a JSON object of argument names and values, such as {{\"message\":\"hi\"}}, not {KindText(root.ValueKind)}";
            return false;
        }

        arguments = root.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
        return true;
    }

    private static string KindText(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
