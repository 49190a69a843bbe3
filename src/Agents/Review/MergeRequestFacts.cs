using System.Text.Json;

namespace Tributary.Agents.Review;

/// <summary>What a review or a chat knows of a merge request. Everything but the ids is text its author chose.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="ProjectPath">The project's full path.</param>
/// <param name="Iid">The merge request's iid.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">Its description.</param>
/// <param name="Author">Its author's username.</param>
/// <param name="SourceBranch">The branch it merges.</param>
/// <param name="TargetBranch">The branch it merges into.</param>
/// <param name="State">opened, closed, merged or locked.</param>
/// <param name="Draft">Whether it is a draft.</param>
public sealed record MergeRequestFacts(
    long ProjectId,
    string ProjectPath,
    int Iid,
    string Title,
    string Description,
    string Author,
    string SourceBranch,
    string TargetBranch,
    string State,
    bool Draft)
{
    /// <summary>Reads <c>GET /merge_requests/:iid</c> of the project <paramref name="projectPath"/>.</summary>
    public static MergeRequestFacts From(long projectId, string projectPath, JsonElement mr) => new(
        projectId,
        projectPath,
        mr.GetProperty("iid").GetInt32(),
        Text(mr, "title"),
        Text(mr, "description"),
        mr.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? Text(author, "username") : string.Empty,
        Text(mr, "source_branch"),
        Text(mr, "target_branch"),
        Text(mr, "state"),
        (mr.TryGetProperty("draft", out var draft) && draft.ValueKind == JsonValueKind.True)
            || (mr.TryGetProperty("work_in_progress", out var wip) && wip.ValueKind == JsonValueKind.True));

    /// <summary>How messages name it: <c>!7 of group/project</c>.</summary>
    public string Reference => $"!{Iid} of {ProjectPath}";

    private static string Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
