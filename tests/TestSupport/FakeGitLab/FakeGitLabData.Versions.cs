using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Merge request versions, commits, pushes and repository compares.</summary>
public sealed partial class FakeGitLabData
{
    private readonly Dictionary<(long Project, int Iid), List<FakeGitLabVersion>> _versions = [];
    private readonly Dictionary<long, Dictionary<string, JsonObject>> _commits = [];
    private long _nextVersionId = 1300;

    /// <summary>The diffs <c>GET /projects/:id/repository/compare?from=&amp;to=</c> answers, by (project id, from, to); two known commits not listed here compare with no diffs.</summary>
    public Dictionary<(long Project, string From, string To), List<JsonObject>> Compares { get; } = [];

    /// <summary>
    /// Pushes one commit <paramref name="newHeadSha"/> onto merge request <paramref name="iid"/>'s source branch: a new
    /// version (base and start unchanged, head the new commit) whose commits are the new one and all before it; the
    /// merge request's <c>/diffs</c> become <paramref name="mergeRequestDiffs"/> and its <c>sha</c>/<c>diff_refs</c>
    /// follow; compare from the previous head to <paramref name="newHeadSha"/> answers <paramref name="diffsSincePreviousHead"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="newHeadSha"/> is not 40 lower-case hex digits, or is already a commit.</exception>
    /// <exception cref="InvalidOperationException">The merge request has no version to push onto.</exception>
    public void PushCommit(long project, int iid, string newHeadSha, IReadOnlyList<JsonObject> mergeRequestDiffs, IReadOnlyList<JsonObject> diffsSincePreviousHead, string title = "Address review comments")
    {
        ArgumentNullException.ThrowIfNull(diffsSincePreviousHead);
        lock (_sync)
        {
            var latest = LatestVersionOrThrow(project, iid);
            var commit = AddCommit(project, newHeadSha, latest.HeadSha, title, Tick(), BobId);
            AddVersion(project, iid, latest.BaseSha, latest.StartSha, [commit, .. latest.Commits], mergeRequestDiffs, Tick());
            Compares[(project, latest.HeadSha, newHeadSha)] = [.. diffsSincePreviousHead.Select(d => d.DeepClone().AsObject())];
        }
    }

    /// <summary>
    /// Force-pushes <paramref name="newHeadSha"/> (a single commit on the merge base) to merge request <paramref name="iid"/>:
    /// a new version whose commits no longer hold the previous ones. Those are gone from the repository, so a compare
    /// from or to one of them answers 404; the merge request's <c>/diffs</c> become <paramref name="mergeRequestDiffs"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="newHeadSha"/> is not 40 lower-case hex digits, or is already a commit.</exception>
    /// <exception cref="InvalidOperationException">The merge request has no version to push onto.</exception>
    public void ForcePush(long project, int iid, string newHeadSha, IReadOnlyList<JsonObject> mergeRequestDiffs, string title = "Rework the change")
    {
        lock (_sync)
        {
            var latest = LatestVersionOrThrow(project, iid);
            ValidateNewSha(project, newHeadSha);
            foreach (var gone in latest.Commits)
            {
                _commits[project].Remove((string)gone["id"]!);
            }

            var commit = AddCommit(project, newHeadSha, latest.BaseSha, title, Tick(), BobId);
            AddVersion(project, iid, latest.BaseSha, latest.StartSha, [commit], mergeRequestDiffs, Tick());
        }
    }

    /// <summary>The versions of a merge request as <c>GET …/versions</c> lists them, newest first (none for a merge request without versions).</summary>
    public IReadOnlyList<JsonObject> Versions(long project, int iid)
    {
        lock (_sync)
        {
            return _versions.TryGetValue((project, iid), out var versions) ? [.. versions.Select(v => v.ToJson())] : [];
        }
    }

    /// <summary>The commits of a merge request (its latest version's), newest first.</summary>
    public IReadOnlyList<JsonObject> Commits(long project, int iid)
    {
        lock (_sync)
        {
            return LatestVersion(project, iid) is { } latest ? [.. latest.Commits.Select(c => c.DeepClone().AsObject())] : [];
        }
    }

    internal JsonObject? Version(long project, int iid, long versionId)
    {
        lock (_sync)
        {
            return _versions.GetValueOrDefault((project, iid))?.FirstOrDefault(v => v.Id == versionId)?.ToDetailedJson();
        }
    }

    internal FakeGitLabAnswer Compare(long project, string from, string to)
    {
        lock (_sync)
        {
            var commits = _commits.GetValueOrDefault(project) ?? [];
            if (!commits.TryGetValue(from, out _) || !commits.TryGetValue(to, out var head))
            {
                return FakeGitLabAnswer.Message(404, "404 Ref Not Found");
            }

            // GitLab lists a compare's commits oldest first and shows the newest as "commit".
            var between = new List<JsonObject>();
            for (var commit = head; commit is not null && (string?)commit["id"] != from; commit = Parent(commits, commit))
            {
                between.Insert(0, commit.DeepClone().AsObject());
            }

            return FakeGitLabAnswer.Ok(new JsonObject
            {
                ["commit"] = between.Count > 0 ? between[^1].DeepClone() : null,
                ["commits"] = new JsonArray([.. between]),
                ["diffs"] = new JsonArray([.. (Compares.GetValueOrDefault((project, from, to)) ?? []).Select(d => d.DeepClone())]),
                ["compare_timeout"] = false,
                ["compare_same_ref"] = from == to,
                ["web_url"] = $"{Projects[project]["web_url"]}/-/compare/{from}...{to}",
            });
        }
    }

    internal FakeGitLabVersion? LatestVersion(long project, int iid) =>
        _versions.TryGetValue((project, iid), out var versions) && versions.Count > 0 ? versions[0] : null;

    private static JsonObject? Parent(Dictionary<string, JsonObject> commits, JsonObject commit) =>
        commit["parent_ids"] is JsonArray { Count: > 0 } parents && commits.TryGetValue((string)parents[0]!, out var parent) ? parent : null;

    private FakeGitLabVersion LatestVersionOrThrow(long project, int iid) =>
        LatestVersion(project, iid) ?? throw new InvalidOperationException($"Merge request !{iid} of project {project} has no version to push onto.");

    private void ValidateNewSha(long project, string sha)
    {
        if (!Sha().IsMatch(sha))
        {
            throw new ArgumentException($"'{sha}' is not a commit SHA (40 lower-case hex digits).", nameof(sha));
        }

        if (_commits.TryGetValue(project, out var commits) && commits.ContainsKey(sha))
        {
            throw new ArgumentException($"Commit {sha} already exists in project {project}.", nameof(sha));
        }
    }

    private JsonObject AddCommit(long project, string sha, string? parent, string title, string createdAt, long authorId)
    {
        ValidateNewSha(project, sha);
        var author = Users[authorId];
        string email = $"{author["username"]}@example.com";
        var commit = new JsonObject
        {
            ["id"] = sha,
            ["short_id"] = sha[..8],
            ["created_at"] = createdAt,
            ["parent_ids"] = parent is null ? new JsonArray() : new JsonArray(parent),
            ["title"] = title,
            ["message"] = title + "\n",
            ["author_name"] = author["name"]!.DeepClone(),
            ["author_email"] = email,
            ["authored_date"] = createdAt,
            ["committer_name"] = author["name"]!.DeepClone(),
            ["committer_email"] = email,
            ["committed_date"] = createdAt,
            ["trailers"] = new JsonObject(),
            ["extended_trailers"] = new JsonObject(),
            ["web_url"] = $"{Projects[project]["web_url"]}/-/commit/{sha}",
        };
        (_commits.TryGetValue(project, out var commits) ? commits : _commits[project] = new Dictionary<string, JsonObject>(StringComparer.Ordinal))[sha] = commit;
        return commit;
    }

    private void AddVersion(long project, int iid, string baseSha, string startSha, IReadOnlyList<JsonObject> commits, IReadOnlyList<JsonObject> diffs, string createdAt, long? id = null)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        var mergeRequest = MergeRequests[project].First(mr => (int?)mr["iid"] == iid);
        string head = (string)commits[0]["id"]!;
        var version = new FakeGitLabVersion(id ?? _nextVersionId++, long.Parse(mergeRequest["id"]!.ToJsonString(), CultureInfo.InvariantCulture), baseSha, startSha, head, createdAt,
            [.. commits.Select(c => c.DeepClone().AsObject())], [.. diffs.Select(d => d.DeepClone().AsObject())]);
        (_versions.TryGetValue((project, iid), out var versions) ? versions : _versions[(project, iid)] = []).Insert(0, version);
        Diffs[(project, iid)] = [.. diffs.Select(d => d.DeepClone().AsObject())];
        mergeRequest["sha"] = head;
        mergeRequest["diff_refs"] = new JsonObject { ["base_sha"] = baseSha, ["head_sha"] = head, ["start_sha"] = startSha };
        mergeRequest["updated_at"] = createdAt;
    }

    // Writes after start-up happen at 2026-11-23T12:00:00.000Z, then a minute later each time, so ordering by time is stable.
    private string Tick()
    {
        string now = _clock.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        _clock = _clock.AddMinutes(1);
        return now;
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();
}
