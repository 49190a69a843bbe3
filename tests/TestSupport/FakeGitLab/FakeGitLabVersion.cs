using System.Globalization;
using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>One version (merge request diff) of a merge request: its diff refs, the commits it holds (newest first) and its diff.</summary>
/// <param name="Id">The version id.</param>
/// <param name="MergeRequestId">The merge request's global id (not its iid).</param>
/// <param name="BaseSha">The merge base.</param>
/// <param name="StartSha">The target branch's head when the version was made.</param>
/// <param name="HeadSha">The source branch's head.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Commits">The merge request's commits in this version, newest first.</param>
/// <param name="Diffs">Its diff files.</param>
internal sealed record FakeGitLabVersion(long Id, long MergeRequestId, string BaseSha, string StartSha, string HeadSha, string CreatedAt, IReadOnlyList<JsonObject> Commits, IReadOnlyList<JsonObject> Diffs)
{
    /// <summary>As <c>GET …/versions</c> lists it.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["head_commit_sha"] = HeadSha,
        ["base_commit_sha"] = BaseSha,
        ["start_commit_sha"] = StartSha,
        ["created_at"] = CreatedAt,
        ["merge_request_id"] = MergeRequestId,
        ["state"] = "collected",
        ["real_size"] = Diffs.Count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>As <c>GET …/versions/:version_id</c> shows it: with its commits and diffs.</summary>
    public JsonObject ToDetailedJson()
    {
        var json = ToJson();
        json["commits"] = new JsonArray([.. Commits.Select(c => c.DeepClone())]);
        json["diffs"] = new JsonArray([.. Diffs.Select(d => d.DeepClone())]);
        return json;
    }
}
