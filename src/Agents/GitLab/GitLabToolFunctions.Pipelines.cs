using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tributary.Agents.GitLab;

/// <summary>Pipeline tools.</summary>
internal sealed partial class GitLabToolFunctions
{
    private const int MaxJobs = 100;
    private const int MaxFailedJobs = 5;
    private const int MaxTraceLines = 80;
    private const int MaxTraceChars = 8_000;

    // Only the end of a log is shown: a window well above MaxTraceChars (terminal codes are removed after reading) is kept
    // while the log streams past, and no more than MaxTraceDownload of it is read.
    private const int MaxTraceKeptBytes = 64 * 1024;
    private const long MaxTraceDownload = 32L * 1024 * 1024;

    [Description("Gets the status of the latest pipeline of a branch or tag (the default branch when ref is empty), with each job's name, stage and status.")]
    public async Task<string> GetPipelineStatusAsync(
        [Description(ProjectDescription)] string project,
        [Description("A branch or tag; empty for the project's default branch.")] string @ref = "",
        CancellationToken cancellationToken = default)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        string reference = string.IsNullOrWhiteSpace(@ref) ? await client.GetDefaultBranchAsync(project, cancellationToken) : @ref.Trim();
        var pipeline = await client.GetJsonAsync(
            $"projects/{Number(id)}/pipelines/latest?ref={Query(reference)}",
            $"the latest pipeline of ref '{reference}' in {GitLabClient.ProjectSubject(project)} (there may be none for this ref)",
            cancellationToken);
        long pipelineId = pipeline.GetProperty("id").GetInt64();
        var jobs = await client.GetPagedAsync($"projects/{Number(id)}/pipelines/{Number(pipelineId)}/jobs", MaxJobs, PipelineSubject(project, pipelineId), cancellationToken);
        var result = ToolOutput.Pick(pipeline, "id", "status", "ref", "sha", "source", "created_at", "finished_at", "duration", "web_url");
        var list = new JsonArray();
        foreach (var job in jobs.Items)
        {
            list.Add(ToolOutput.Pick(job, "id", "name", "stage", "status", "allow_failure", "duration"));
        }

        result["jobs"] = list;
        return ToolOutput.Json(result);
    }

    [Description("Gets the logs of the failed jobs of a pipeline: for each failed job (at most 5) its name, stage, failure reason and the last lines of its log, where the error usually is.")]
    public async Task<string> GetFailedPipelineLogsAsync(
        [Description(ProjectDescription)] string project,
        [Description("The pipeline's id (the number in its URL, e.g. 1234 in .../-/pipelines/1234).")] long pipeline_id,
        CancellationToken cancellationToken = default)
    {
        long id = await client.GetProjectIdAsync(project, cancellationToken);
        string subject = PipelineSubject(project, pipeline_id);
        var pipeline = await client.GetJsonAsync($"projects/{Number(id)}/pipelines/{Number(pipeline_id)}", subject, cancellationToken);
        var failed = await client.GetPagedAsync($"projects/{Number(id)}/pipelines/{Number(pipeline_id)}/jobs?scope[]=failed", MaxJobs, subject, cancellationToken);
        var text = new StringBuilder()
            .Append("Pipeline ").Append(pipeline_id).Append(" of ").Append(GitLabClient.Normalize(project))
            .Append(": status ").Append(pipeline.TryGetProperty("status", out var status) ? status.GetString() : "unknown")
            .Append(", ref ").Append(pipeline.TryGetProperty("ref", out var reference) ? reference.GetString() : "?")
            .Append(", ").Append(failed.Items.Count).Append(failed.HasMore ? "+" : string.Empty).Append(" failed jobs\n");
        foreach (var job in failed.Items.Take(MaxFailedJobs))
        {
            await AppendTraceAsync(text, id, project, job, cancellationToken);
        }

        if (failed.Items.Count > MaxFailedJobs || failed.HasMore)
        {
            text.Append("\n[truncated: only the first ").Append(MaxFailedJobs).Append(" failed jobs are shown]\n");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*[A-Za-z]|\x1B\][^\x07]*\x07|section_(start|end):\d+:[A-Za-z0-9_.-]+\r?")]
    private static partial Regex TerminalCodes();

    private static string PipelineSubject(string project, long pipelineId) =>
        $"pipeline {Number(pipelineId)} of {GitLabClient.ProjectSubject(project)}";

    private async Task AppendTraceAsync(StringBuilder text, long projectId, string project, JsonElement job, CancellationToken cancellationToken)
    {
        long jobId = job.GetProperty("id").GetInt64();
        text.Append("\n=== job ").Append(job.GetProperty("name").GetString()).Append(" (id ").Append(jobId)
            .Append(", stage ").Append(job.TryGetProperty("stage", out var stage) ? stage.GetString() : "?");
        if (job.TryGetProperty("failure_reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            text.Append(", failure reason ").Append(reason.GetString());
        }

        text.Append(") ===\n");
        var trace = await client.GetTextTailAsync(
            $"projects/{Number(projectId)}/jobs/{Number(jobId)}/trace",
            $"the log of job {Number(jobId)} of {GitLabClient.ProjectSubject(project)}",
            MaxTraceKeptBytes,
            MaxTraceDownload,
            cancellationToken);
        string clean = TerminalCodes().Replace(trace.Text.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
        if (trace.IsCut)
        {
            text.Append("[the log is longer than ").Append(MaxTraceDownload / (1024 * 1024)).Append(" MiB; only that much was read, so these are not its last lines]\n");
        }

        text.Append(ToolOutput.Tail(clean, MaxTraceLines, MaxTraceChars)).Append('\n');
    }
}
