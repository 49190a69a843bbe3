using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Agents.GitLab;

/// <summary>Merge request tools.</summary>
internal sealed partial class GitLabToolFunctions
{
    private const int MaxDescriptionLength = 4_000;
    private const int MaxDiffFiles = 300;
    private const int MaxDiffLength = 60_000;

    [Description("Lists a project's merge requests, most recently updated first: iid, title, state, author, branches, draft flag, labels and web URL.")]
    public async Task<string> ListMergeRequestsAsync(
        [Description(ProjectDescription)] string project,
        [Description("Which merge requests: opened, closed, merged, locked or all."), AllowedValues("opened", "closed", "merged", "locked", "all")] string state = "opened",
        [Description("How many to return at most, 1 to 100."), Range(1, MaxResultsLimit)] int max_results = 20,
        CancellationToken cancellationToken = default)
    {
        Choice(state, "state", "opened", "closed", "merged", "locked", "all");
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var page = await client.GetPagedAsync(
            $"projects/{Number(id)}/merge_requests?state={state}&order_by=updated_at&sort=desc",
            Bounded(max_results, "max_results"),
            $"the merge requests of {GitLabClient.ProjectSubject(project)}",
            cancellationToken);
        return Listing(project, page, "merge_requests", DescribeListedMergeRequest, ("state", state));
    }

    [Description("Gets one merge request: title, description, state, author, assignees, reviewers, labels, branches, merge status, head SHA, diff refs and web URL. Use get_merge_request_diff for its changes.")]
    public async Task<string> GetMergeRequestAsync(
        [Description(ProjectDescription)] string project,
        [Description("The merge request's iid: its number within the project, as in !123."), Range(1, int.MaxValue)] int mr_iid,
        CancellationToken cancellationToken = default)
    {
        var mr = await GetMergeRequestJsonAsync(project, mr_iid, cancellationToken);
        var result = ToolOutput.Pick(mr, "iid", "title", "state", "draft", "source_branch", "target_branch", "labels",
            "detailed_merge_status", "has_conflicts", "changes_count", "sha", "diff_refs", "created_at", "updated_at", "merged_at", "web_url");
        result["author"] = ToolOutput.UserName(mr, "author");
        result["assignees"] = ToolOutput.UserNames(mr, "assignees");
        result["reviewers"] = ToolOutput.UserNames(mr, "reviewers");
        if (mr.TryGetProperty("head_pipeline", out var pipeline) && pipeline.ValueKind == JsonValueKind.Object)
        {
            result["head_pipeline"] = ToolOutput.Pick(pipeline, "id", "status", "web_url");
        }

        result["description"] = ToolOutput.Bound(mr.TryGetProperty("description", out var text) ? text.GetString() ?? string.Empty : string.Empty, MaxDescriptionLength);
        return ToolOutput.Json(result);
    }

    [Description("Gets the changes of a merge request as unified diffs, file by file (from GitLab's paginated /diffs). Files GitLab collapsed or found too large are listed with a note instead of their diff; read them with get_file_content. Long output is cut and says so.")]
    public async Task<string> GetMergeRequestDiffAsync(
        [Description(ProjectDescription)] string project,
        [Description("The merge request's iid: its number within the project, as in !123."), Range(1, int.MaxValue)] int mr_iid,
        CancellationToken cancellationToken = default)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var page = await client.GetPagedAsync(
            $"projects/{Number(id)}/merge_requests/{Number(mr_iid)}/diffs",
            MaxDiffFiles,
            MergeRequestSubject(project, mr_iid),
            cancellationToken);
        var text = new StringBuilder();
        text.Append("Merge request !").Append(mr_iid).Append(" of ").Append(GitLabClient.Normalize(project)).Append(": ")
            .Append(page.Items.Count).Append(page.HasMore ? "+" : string.Empty).Append(" changed files\n");
        int shown = 0;
        foreach (var file in page.Items)
        {
            string entry = DiffEntry(file);
            if (text.Length + entry.Length > MaxDiffLength && shown > 0)
            {
                break;
            }

            text.Append(entry);
            shown++;
        }

        if (shown < page.Items.Count || page.HasMore)
        {
            text.Append("\n[truncated: ").Append(shown).Append(" of ").Append(page.Items.Count).Append(page.HasMore ? "+" : string.Empty)
                .Append(" files shown; the rest did not fit. Read a file's current content with get_file_content.]\n");
        }

        return text.ToString();
    }

    [Description("Posts a comment (a note) on a merge request, as the token's user. Markdown is supported. Writes to GitLab: needs a token with the api scope.")]
    public async Task<string> PostMergeRequestCommentAsync(
        [Description(ProjectDescription)] string project,
        [Description("The merge request's iid: its number within the project, as in !123."), Range(1, int.MaxValue)] int mr_iid,
        [Description("The comment, in GitLab Markdown.")] string body,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new GitLabException("body is empty; write the comment to post.", GitLabFailure.Rejected);
        }

        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var note = await client.PostJsonAsync(
            $"projects/{Number(id)}/merge_requests/{Number(mr_iid)}/notes",
            new Dictionary<string, string> { ["body"] = body },
            MergeRequestSubject(project, mr_iid),
            cancellationToken);
        var result = ToolOutput.Pick(note, "id", "created_at");
        result["posted_on"] = $"{GitLabClient.Normalize(project)}!{Number(mr_iid)}";
        result["author"] = ToolOutput.UserName(note, "author");
        return ToolOutput.Json(result);
    }

    private static JsonObject DescribeListedMergeRequest(JsonElement mr)
    {
        var item = ToolOutput.Pick(mr, "iid", "title", "state", "draft", "source_branch", "target_branch", "labels", "updated_at", "web_url");
        item["author"] = ToolOutput.UserName(mr, "author");
        return item;
    }

    private static string MergeRequestSubject(string project, int iid) =>
        $"merge request !{Number(iid)} of {GitLabClient.ProjectSubject(project)}";

    private static string DiffEntry(JsonElement file)
    {
        var changed = Review.ChangedFile.From(file);
        var entry = new StringBuilder().Append("\n--- ").Append(changed.NewPath).Append(" (").Append(changed.Change).Append(")\n");
        if (changed.Missing is not null)
        {
            entry.Append("[diff not shown: ").Append(changed.Missing).Append("; read the file with get_file_content]\n");
        }
        else
        {
            entry.Append(changed.Diff.EndsWith('\n') ? changed.Diff : changed.Diff + "\n");
        }

        return entry.ToString();
    }

    private async Task<JsonElement> GetMergeRequestJsonAsync(string project, int iid, CancellationToken cancellationToken)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        return await client.GetJsonAsync($"projects/{Number(id)}/merge_requests/{Number(iid)}", MergeRequestSubject(project, iid), cancellationToken);
    }
}
