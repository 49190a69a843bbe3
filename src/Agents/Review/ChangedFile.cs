using System.Text.Json;

namespace Tributary.Agents.Review;

/// <summary>One file of a diff as GitLab sends it (<c>/diffs</c> or <c>/repository/compare</c>), with its lines parsed.</summary>
/// <param name="OldPath">The path before the change.</param>
/// <param name="NewPath">The path after the change.</param>
/// <param name="Change">added, deleted, modified, or "renamed from ..."</param>
/// <param name="Diff">The unified diff text.</param>
/// <param name="Lines">Its lines.</param>
/// <param name="Missing">Why GitLab sent no diff (collapsed or too large), or <see langword="null"/>.</param>
public sealed record ChangedFile(string OldPath, string NewPath, string Change, string Diff, UnifiedDiff Lines, string? Missing)
{
    /// <summary>The path reviews name the file by: the new path, or the old one of a deleted file.</summary>
    public string Path => Change == "deleted" ? OldPath : NewPath;

    /// <summary>Reads one diff item.</summary>
    public static ChangedFile From(JsonElement file)
    {
        string oldPath = file.GetProperty("old_path").GetString() ?? string.Empty;
        string newPath = file.GetProperty("new_path").GetString() ?? string.Empty;
        string change = Flag(file, "new_file") ? "added"
            : Flag(file, "deleted_file") ? "deleted"
            : Flag(file, "renamed_file") ? $"renamed from {oldPath}"
            : "modified";
        string diff = file.TryGetProperty("diff", out var d) ? d.GetString() ?? string.Empty : string.Empty;
        string? missing = Flag(file, "too_large") ? "GitLab reports this file as too large to diff"
            : diff.Length == 0 && Flag(file, "collapsed") ? "GitLab collapsed this file's diff (it is large)"
            : null;
        return new ChangedFile(oldPath, newPath, change, diff, UnifiedDiff.Parse(diff), missing);
    }

    private static bool Flag(JsonElement file, string name) =>
        file.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
