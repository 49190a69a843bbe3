using System.Globalization;
using System.Text.Json;

namespace Tributary.Agents.GitLab;

/// <summary>Merge requests as a review and a chat need them: versions, diffs, commits, notes, discussions, members.</summary>
public sealed partial class GitLabClient
{
    /// <summary>The most items read of one list (diff files, commits, notes, discussions).</summary>
    internal const int MaxListItems = 2_000;

    // 0 until read: GitLab's ids start at 1.
    private long _currentUserId;

    /// <summary>The id of the token's user (<c>GET /user</c>), read once.</summary>
    internal async Task<long> GetCurrentUserIdAsync(CancellationToken cancellationToken)
    {
        long known = Volatile.Read(ref _currentUserId);
        if (known > 0)
        {
            return known;
        }

        var user = await GetJsonAsync("user", "the token's user", cancellationToken);
        long id = user.GetProperty("id").GetInt64();
        Volatile.Write(ref _currentUserId, id);
        return id;
    }

    /// <summary>One merge request (<c>GET /projects/:id/merge_requests/:iid</c>).</summary>
    internal Task<JsonElement> GetMergeRequestAsync(long project, int iid, CancellationToken cancellationToken) =>
        GetJsonAsync(MergeRequestPath(project, iid), MergeRequestSubject(project, iid), cancellationToken);

    /// <summary>The merge request's newest diff version (<c>/versions</c> lists them newest first).</summary>
    internal async Task<JsonElement> GetLatestVersionAsync(long project, int iid, CancellationToken cancellationToken)
    {
        var versions = await GetPagedAsync($"{MergeRequestPath(project, iid)}/versions", 1, $"the diff versions of {MergeRequestSubject(project, iid)}", cancellationToken);
        return versions.Items.Count > 0
            ? versions.Items[0]
            : throw new GitLabException($"{MergeRequestSubject(project, iid)} has no diff version yet (GitLab is still preparing its diff); try again in a minute.", GitLabFailure.NotFound);
    }

    /// <summary>The files of the merge request's latest diff (<c>/diffs</c>, paginated).</summary>
    internal Task<GitLabPage> GetMergeRequestDiffsAsync(long project, int iid, CancellationToken cancellationToken) =>
        GetPagedAsync($"{MergeRequestPath(project, iid)}/diffs", MaxListItems, $"the diff of {MergeRequestSubject(project, iid)}", cancellationToken);

    /// <summary>The SHAs of the merge request's commits.</summary>
    internal async Task<IReadOnlySet<string>> GetMergeRequestCommitShasAsync(long project, int iid, CancellationToken cancellationToken)
    {
        var commits = await GetPagedAsync($"{MergeRequestPath(project, iid)}/commits", MaxListItems, $"the commits of {MergeRequestSubject(project, iid)}", cancellationToken);
        return commits.Items.Select(c => c.GetProperty("id").GetString() ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The changes between two commits (<c>GET /repository/compare</c>): its <c>diffs</c> have the shape of <c>/diffs</c>.</summary>
    internal Task<JsonElement> CompareAsync(long project, string from, string to, CancellationToken cancellationToken) =>
        GetJsonAsync(
            $"projects/{Number(project)}/repository/compare?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}",
            $"the changes from {Short(from)} to {Short(to)} in project {Number(project)}",
            cancellationToken);

    /// <summary>The merge request's notes, oldest first.</summary>
    internal Task<GitLabPage> GetNotesAsync(long project, int iid, CancellationToken cancellationToken) =>
        GetPagedAsync($"{MergeRequestPath(project, iid)}/notes?sort=asc&order_by=created_at", MaxListItems, $"the notes of {MergeRequestSubject(project, iid)}", cancellationToken);

    /// <summary>Adds a note to the merge request.</summary>
    internal Task<JsonElement> CreateNoteAsync(long project, int iid, string body, CancellationToken cancellationToken) =>
        PostJsonAsync($"{MergeRequestPath(project, iid)}/notes", new Dictionary<string, string> { ["body"] = body }, MergeRequestSubject(project, iid), cancellationToken);

    /// <summary>Replaces the text of one of the merge request's notes.</summary>
    internal Task<JsonElement> UpdateNoteAsync(long project, int iid, long noteId, string body, CancellationToken cancellationToken) =>
        PutJsonAsync($"{MergeRequestPath(project, iid)}/notes/{Number(noteId)}", new Dictionary<string, string> { ["body"] = body }, $"note {Number(noteId)} of {MergeRequestSubject(project, iid)}", cancellationToken);

    /// <summary>The merge request's discussions (threads, and single notes as one-note discussions).</summary>
    internal Task<GitLabPage> GetDiscussionsAsync(long project, int iid, CancellationToken cancellationToken) =>
        GetPagedAsync($"{MergeRequestPath(project, iid)}/discussions", MaxListItems, $"the discussions of {MergeRequestSubject(project, iid)}", cancellationToken);

    /// <summary>One discussion of the merge request.</summary>
    internal Task<JsonElement> GetDiscussionAsync(long project, int iid, string discussionId, CancellationToken cancellationToken) =>
        GetJsonAsync($"{MergeRequestPath(project, iid)}/discussions/{Uri.EscapeDataString(discussionId)}", $"discussion {discussionId} of {MergeRequestSubject(project, iid)}", cancellationToken);

    /// <summary>Starts a discussion: on a diff line when <paramref name="position"/> is given, else on the merge request.</summary>
    internal Task<JsonElement> CreateDiscussionAsync(long project, int iid, string body, IReadOnlyDictionary<string, object?>? position, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, object?> { ["body"] = body };
        if (position is not null)
        {
            request["position"] = position;
        }

        return PostJsonAsync($"{MergeRequestPath(project, iid)}/discussions", request, MergeRequestSubject(project, iid), cancellationToken);
    }

    /// <summary>Replies in a discussion (a single note becomes a thread).</summary>
    internal Task<JsonElement> ReplyAsync(long project, int iid, string discussionId, string body, CancellationToken cancellationToken) =>
        PostJsonAsync(
            $"{MergeRequestPath(project, iid)}/discussions/{Uri.EscapeDataString(discussionId)}/notes",
            new Dictionary<string, string> { ["body"] = body },
            $"discussion {discussionId} of {MergeRequestSubject(project, iid)}",
            cancellationToken);

    /// <summary>The access level of <paramref name="userId"/> in the project, inherited ones included; <see langword="null"/> when not a member.</summary>
    internal async Task<int?> GetAccessLevelAsync(long project, long userId, CancellationToken cancellationToken)
    {
        try
        {
            var member = await GetJsonAsync($"projects/{Number(project)}/members/all/{Number(userId)}", $"member {Number(userId)} of project {Number(project)}", cancellationToken);
            return member.TryGetProperty("access_level", out var level) && level.TryGetInt32(out int value) ? value : null;
        }
        catch (GitLabException e) when (e.Failure == GitLabFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>A user (<c>GET /users/:id</c>): <c>username</c>, <c>bot</c>, ...</summary>
    internal Task<JsonElement> GetUserAsync(long userId, CancellationToken cancellationToken) =>
        GetJsonAsync($"users/{Number(userId)}", $"user {Number(userId)}", cancellationToken);

    private static string MergeRequestPath(long project, int iid) => $"projects/{Number(project)}/merge_requests/{Number(iid)}";

    private static string MergeRequestSubject(long project, int iid) => $"merge request !{Number(iid)} of project {Number(project)}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha.Length > 8 ? sha[..8] : sha;
}
