using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>
/// GitLab's checks on the <c>position</c> of a new diff discussion. Grape first checks the parameters (the SHAs and
/// <c>position_type</c> are required, line numbers are integers); then the note's line code must resolve: a
/// <c>text</c> position on the latest version's SHAs, naming a file of its diff by both paths, and a line of that
/// file's diff (<c>new_line</c> alone: an added line; <c>old_line</c> alone: a removed line; both: a context line
/// with exactly those numbers). A <c>line_range</c>'s start and end must be lines of that file too, named by their
/// line codes (<see cref="UnifiedDiff.LineCode"/>).
/// </summary>
internal static class FakeGitLabPositions
{
    private static readonly string[] Required = ["base_sha", "start_sha", "head_sha", "position_type"];

    /// <summary>Grape's error for a malformed position (<c>position[head_sha] is missing</c>, …), or <see langword="null"/>.</summary>
    public static string? Malformed(JsonObject position)
    {
        var errors = Required.Where(key => position[key] is null).Select(key => $"position[{key}] is missing").ToList();
        if (position["position_type"] is { } type && Text(type) is not ("text" or "image" or "file"))
        {
            errors.Add("position[position_type] does not have a valid value");
        }

        errors.AddRange(new[] { "new_line", "old_line" }.Where(key => position[key] is { } value && !TryInt(value, out _)).Select(key => $"position[{key}] is invalid"));
        return errors.Count > 0 ? string.Join(", ", errors) : null;
    }

    /// <summary>The position as GitLab stores and shows it when it names a line of <paramref name="diffs"/> at <paramref name="latest"/>; otherwise <see langword="null"/>.</summary>
    public static JsonObject? Accept(JsonObject position, FakeGitLabVersion? latest, IReadOnlyList<JsonObject> diffs)
    {
        if (latest is null || Text(position["position_type"]) != "text"
            || Text(position["base_sha"]) != latest.BaseSha || Text(position["start_sha"]) != latest.StartSha || Text(position["head_sha"]) != latest.HeadSha
            || Text(position["old_path"]) is not { } oldPath || Text(position["new_path"]) is not { } newPath
            || diffs.FirstOrDefault(d => (string?)d["old_path"] == oldPath && (string?)d["new_path"] == newPath) is not { } file)
        {
            return null;
        }

        var lines = UnifiedDiff.Parse((string?)file["diff"] ?? string.Empty);
        int? oldLine = Int(position["old_line"]);
        int? newLine = Int(position["new_line"]);
        if ((oldLine, newLine) is (null, null) || !lines.Any(l => l.OldLine == oldLine && l.NewLine == newLine))
        {
            return null;
        }

        JsonObject? range = null;
        if (position["line_range"] is { } given)
        {
            if (given is not JsonObject r || RangeEnd(r["start"], newPath, lines) is not { } start || RangeEnd(r["end"], newPath, lines) is not { } end)
            {
                return null;
            }

            range = new JsonObject { ["start"] = start, ["end"] = end };
        }

        return new JsonObject
        {
            ["base_sha"] = latest.BaseSha,
            ["start_sha"] = latest.StartSha,
            ["head_sha"] = latest.HeadSha,
            ["old_path"] = oldPath,
            ["new_path"] = newPath,
            ["position_type"] = "text",
            ["old_line"] = oldLine,
            ["new_line"] = newLine,
            ["line_range"] = range,
            ["ignore_whitespace_change"] = false,
        };
    }

    // One end of a line_range: a line of the file by its line code; its type and any line numbers must agree with that line.
    private static JsonObject? RangeEnd(JsonNode? node, string path, IReadOnlyList<UnifiedDiffLine> lines)
    {
        if (node is not JsonObject end || Text(end["line_code"]) is not { } code || lines.FirstOrDefault(l => l.LineCode(path) == code) is not { } line)
        {
            return null;
        }

        string? type = Text(end["type"]);
        bool typeFits = (type, line.Kind) is (null, _) or ("new", not UnifiedDiffLineKind.Removed) or ("old", not UnifiedDiffLineKind.Added);
        bool numbersFit = (end["old_line"] is null || Int(end["old_line"]) == line.OldLine) && (end["new_line"] is null || Int(end["new_line"]) == line.NewLine);
        return typeFits && numbersFit
            ? new JsonObject { ["line_code"] = code, ["type"] = type, ["old_line"] = line.OldLine, ["new_line"] = line.NewLine }
            : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;

    private static int? Int(JsonNode? node) => node is not null && TryInt(node, out int number) ? number : null;

    private static bool TryInt(JsonNode node, out int number)
    {
        number = 0;
        return Text(node) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }
}
