using System.Text.Json;

namespace Tributary.Agents.Review;

/// <summary>The SHAs of a merge request's diff version, which every positioned comment must name.</summary>
/// <param name="BaseSha">The merge base (<c>base_commit_sha</c>).</param>
/// <param name="StartSha">The target branch's commit the diff starts from (<c>start_commit_sha</c>).</param>
/// <param name="HeadSha">The source branch's commit (<c>head_commit_sha</c>).</param>
public sealed record DiffVersion(string BaseSha, string StartSha, string HeadSha)
{
    /// <summary>Reads one item of <c>GET /merge_requests/:iid/versions</c>.</summary>
    public static DiffVersion From(JsonElement version) => new(
        version.GetProperty("base_commit_sha").GetString() ?? string.Empty,
        version.GetProperty("start_commit_sha").GetString() ?? string.Empty,
        version.GetProperty("head_commit_sha").GetString() ?? string.Empty);
}
