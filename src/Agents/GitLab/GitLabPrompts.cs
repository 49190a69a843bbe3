namespace Tributary.Agents.GitLab;

/// <summary>The built-in GitLab prompts: review a merge request, explain a pipeline failure, summarize an issue.</summary>
public static class GitLabPrompts
{
    private static readonly GitLabPromptArgument Project = new("project", "The GitLab project: its numeric id or its full path, e.g. 'group/subgroup/project'.");

    /// <summary>The prompts, naming tools as <paramref name="toolName"/> spells them (at <c>/mcp</c>: <see cref="GitLabToolNames.Exposed"/>).</summary>
    public static IReadOnlyList<GitLabPrompt> Create(Func<string, string> toolName)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        return
        [
            new GitLabPrompt(
                "review_merge_request",
                "Review a GitLab merge request: read its description and diff, check the pipeline, and report problems with file and line.",
                [Project, new("mr_iid", "The merge request's iid, as in !123.")],
                args => $"""
                    Review merge request !{args["mr_iid"]} of the GitLab project {args["project"]}.

                    1. Call {toolName("get_merge_request")} (project "{args["project"]}", mr_iid {args["mr_iid"]}) to learn its goal, branches and status.
                    2. Call {toolName("get_merge_request_diff")} for the changes. For a file whose diff is not shown (collapsed or too large), or where you need more context, call {toolName("get_file_content")} with the source branch as ref.
                    3. Call {toolName("get_pipeline_status")} with the source branch as ref; if it failed, call {toolName("get_failed_pipeline_logs")} and say whether this change caused it.
                    4. Use {toolName("search_code")} to check callers of anything whose behaviour changed.

                    Then write the review: first a two-line summary of what the merge request does and whether it is ready to merge; then each finding with its file and line, why it matters (bug, security, performance, missing test, unclear code) and a concrete fix. Say nothing about style a formatter would fix. If everything is fine, say so briefly.
                    Do not post anything to GitLab unless asked; if asked and {toolName("post_merge_request_comment")} is among your tools, post the review once with it (where it is not, say that posting is off: `tributary review` posts reviews).
                    """),
            new GitLabPrompt(
                "explain_pipeline_failure",
                "Explain why a GitLab pipeline failed, from its failed jobs' logs, and propose a fix.",
                [Project, new("pipeline_id", "The pipeline's id, e.g. 1234 in .../-/pipelines/1234.")],
                args => $"""
                    Explain why pipeline {args["pipeline_id"]} of the GitLab project {args["project"]} failed.

                    1. Call {toolName("get_failed_pipeline_logs")} (project "{args["project"]}", pipeline_id {args["pipeline_id"]}) for the end of each failed job's log.
                    2. For each failed job, find the first real error (not the final "Job failed" line). Read the files it names with {toolName("get_file_content")}, and the CI configuration (.gitlab-ci.yml) when the failure is in the job's set-up.

                    Then answer, per failed job: the job and stage; the cause in one sentence, quoting the decisive log line; whether it looks like a code problem, a test problem, a flaky or infrastructure problem, or a CI configuration problem; and the smallest fix (a code change, a command to run, or a retry when it is flaky).
                    """),
            new GitLabPrompt(
                "summarize_issue",
                "Summarize a GitLab issue: the problem, what is known, and the next step.",
                [Project, new("issue_iid", "The issue's iid, as in #42.")],
                args => $"""
                    Summarize issue #{args["issue_iid"]} of the GitLab project {args["project"]}.

                    Call {toolName("get_issue")} (project "{args["project"]}", issue_iid {args["issue_iid"]}). If it names files, functions or error messages, look them up with {toolName("search_code")} and {toolName("get_file_content")}; if it mentions merge requests, read them with {toolName("get_merge_request")}.

                    Then write, in at most 150 words: the problem in one sentence; who is affected and how badly; what is already known or tried; the open questions; and the most useful next step, naming the code to change when you found it. Keep the issue's labels and milestone in mind when judging priority.
                    """),
        ];
    }
}
