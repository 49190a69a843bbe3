using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.Agents.GitLab;

/// <summary>Issue and label tools.</summary>
internal sealed partial class GitLabToolFunctions
{
    [Description("Lists a project's issues, most recently updated first: iid, title, state, labels, author, assignees and web URL.")]
    public async Task<string> ListIssuesAsync(
        [Description(ProjectDescription)] string project,
        [Description("Which issues: opened, closed or all."), AllowedValues("opened", "closed", "all")] string state = "opened",
        [Description("Only issues that have every one of these labels, comma-separated (e.g. 'bug,backend'); empty for any.")] string labels = "",
        [Description("How many to return at most, 1 to 100."), Range(1, MaxResultsLimit)] int max_results = 20,
        CancellationToken cancellationToken = default)
    {
        Choice(state, "state", "opened", "closed", "all");
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        string filter = string.IsNullOrWhiteSpace(labels) ? string.Empty : $"&labels={Query(labels.Trim())}";
        var page = await client.GetPagedAsync(
            $"projects/{Number(id)}/issues?state={state}{filter}&order_by=updated_at&sort=desc",
            Bounded(max_results, "max_results"),
            $"the issues of {GitLabClient.ProjectSubject(project)}",
            cancellationToken);
        return Listing(project, page, "issues", DescribeListedIssue, ("state", state));
    }

    [Description("Gets one issue: title, description, state, labels, author, assignees, milestone, dates and web URL.")]
    public async Task<string> GetIssueAsync(
        [Description(ProjectDescription)] string project,
        [Description("The issue's iid: its number within the project, as in #42."), Range(1, int.MaxValue)] int issue_iid,
        CancellationToken cancellationToken = default)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var issue = await client.GetJsonAsync($"projects/{Number(id)}/issues/{Number(issue_iid)}", IssueSubject(project, issue_iid), cancellationToken);
        return ToolOutput.Json(DescribeIssue(issue));
    }

    [Description("Creates an issue in a project, as the token's user, and returns its iid and web URL. Writes to GitLab: needs a token with the api scope.")]
    public async Task<string> CreateIssueAsync(
        [Description(ProjectDescription)] string project,
        [Description("The issue's title.")] string title,
        [Description("The issue's description, in GitLab Markdown.")] string description = "",
        [Description("Labels to set, comma-separated (e.g. 'bug,backend'); empty for none.")] string labels = "",
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new GitLabException("title is empty; give the issue a title.", GitLabFailure.Rejected);
        }

        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var body = new Dictionary<string, string> { ["title"] = title.Trim() };
        if (!string.IsNullOrWhiteSpace(description))
        {
            body["description"] = description;
        }

        if (!string.IsNullOrWhiteSpace(labels))
        {
            body["labels"] = labels.Trim();
        }

        var issue = await client.PostJsonAsync($"projects/{Number(id)}/issues", body, $"a new issue in {GitLabClient.ProjectSubject(project)}", cancellationToken);
        return ToolOutput.Json(ToolOutput.Pick(issue, "iid", "title", "labels", "web_url"));
    }

    [Description("Lists a project's labels (including those inherited from its groups): name, description and how many open issues and merge requests use each.")]
    public async Task<string> ListProjectLabelsAsync(
        [Description(ProjectDescription)] string project,
        CancellationToken cancellationToken = default)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        var page = await client.GetPagedAsync(
            $"projects/{Number(id)}/labels?with_counts=true&include_ancestor_groups=true",
            MaxResultsLimit,
            $"the labels of {GitLabClient.ProjectSubject(project)}",
            cancellationToken);
        return Listing(project, page, "labels", label => ToolOutput.Pick(label, "name", "description", "open_issues_count", "open_merge_requests_count"));
    }

    /// <summary>The fields of an issue a model needs, its description bounded.</summary>
    internal static JsonObject DescribeIssue(JsonElement issue)
    {
        var result = ToolOutput.Pick(issue, "iid", "title", "state", "labels", "created_at", "updated_at", "closed_at", "due_date", "user_notes_count", "web_url");
        result["author"] = ToolOutput.UserName(issue, "author");
        result["assignees"] = ToolOutput.UserNames(issue, "assignees");
        if (issue.TryGetProperty("milestone", out var milestone) && milestone.ValueKind == JsonValueKind.Object)
        {
            result["milestone"] = milestone.TryGetProperty("title", out var title) ? title.GetString() : null;
        }

        result["description"] = ToolOutput.Bound(issue.TryGetProperty("description", out var text) ? text.GetString() ?? string.Empty : string.Empty, MaxDescriptionLength);
        return result;
    }

    private static JsonObject DescribeListedIssue(JsonElement issue)
    {
        var item = ToolOutput.Pick(issue, "iid", "title", "state", "labels", "updated_at", "web_url");
        item["author"] = ToolOutput.UserName(issue, "author");
        item["assignees"] = ToolOutput.UserNames(issue, "assignees");
        return item;
    }

    private static string IssueSubject(string project, int iid) =>
        $"issue #{Number(iid)} of {GitLabClient.ProjectSubject(project)}";
}
