using Microsoft.Extensions.AI;

namespace Tributary.Agents.GitLab;

/// <summary>Builds the thirteen built-in GitLab tools, in the order they are listed.</summary>
internal static class GitLabTools
{
    /// <summary>The names of the tools that write to GitLab; every other tool only reads.</summary>
    public static readonly IReadOnlySet<string> Writing = new HashSet<string>(StringComparer.Ordinal) { "post_merge_request_comment", "create_issue" };

    /// <summary>The tools, calling GitLab through <paramref name="client"/>.</summary>
    public static IReadOnlyList<GitLabTool> Create(GitLabClient client)
    {
        var f = new GitLabToolFunctions(client);
        return
        [
            Tool("list_merge_requests", f.ListMergeRequestsAsync),
            Tool("get_merge_request", f.GetMergeRequestAsync),
            Tool("get_merge_request_diff", f.GetMergeRequestDiffAsync),
            Tool("post_merge_request_comment", f.PostMergeRequestCommentAsync),
            Tool("list_issues", f.ListIssuesAsync),
            Tool("get_issue", f.GetIssueAsync),
            Tool("create_issue", f.CreateIssueAsync),
            Tool("get_file_content", f.GetFileContentAsync),
            Tool("get_repository_tree", f.GetRepositoryTreeAsync),
            Tool("search_code", f.SearchCodeAsync),
            Tool("get_pipeline_status", f.GetPipelineStatusAsync),
            Tool("get_failed_pipeline_logs", f.GetFailedPipelineLogsAsync),
            Tool("list_project_labels", f.ListProjectLabelsAsync),
        ];
    }

    // Results stay the plain text the tools built (compact JSON or text), not a JSON string of it, so MCP
    // clients and kernels hand the model the text itself.
    private static readonly Func<object?, Type?, CancellationToken, ValueTask<object?>> s_asText = (result, _, _) => new ValueTask<object?>(result);

    private static GitLabTool Tool(string name, Delegate method) =>
        new(name, !Writing.Contains(name), AIFunctionFactory.Create(method, new AIFunctionFactoryOptions { Name = name, MarshalResult = s_asText }));
}
