using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tributary.Agents.GitLab;
using Tributary.Agents.Kernel;
using Tributary.Agents.Repository;
using Tributary.Agents.Runs;

namespace Tributary.Agents.Review;

/// <summary>
/// Reviews a merge request: reads it, works out what is new since the last review (the head SHA in the summary's
/// marker), hands the model one file at a time as data and takes its findings as structured data, then posts
/// them as positioned diff threads (never twice) and writes the summary note in place. Nothing is posted before
/// every file is reviewed, and the summary moves to the new head last, so a review stopped halfway is repeated
/// by the next run without duplicates.
/// </summary>
public sealed partial class MergeRequestReviewer
{
    private readonly GitLabClient _gitLab;
    private readonly AgentRunner _runner;
    private readonly RepositoryOverrideProvider _overrides;
    private readonly ILogger _logger;

    internal MergeRequestReviewer(GitLabClient gitLab, AgentRunner runner, RepositoryOverrideProvider overrides, ILogger<MergeRequestReviewer> logger)
    {
        _gitLab = gitLab;
        _runner = runner;
        _overrides = overrides;
        _logger = logger;
    }

    /// <summary>Reviews <paramref name="request"/>, reporting each step to <paramref name="progress"/>.</summary>
    /// <exception cref="ReviewException">GitLab or the model failed, or the agent cannot run; nothing half-done is left that a re-run cannot repair.</exception>
    public async Task<ReviewResult> ReviewAsync(ReviewRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = AgentTelemetry.Source.StartActivity("review merge_request");
        activity?.SetTag(AgentTelemetry.AgentTag, request.Agent);
        activity?.SetTag("gitlab.merge_request.iid", request.MergeRequestIid);
        try
        {
            var result = await ReviewCoreAsync(request, progress, cancellationToken);
            string outcome = AgentTelemetry.TagValue(result.Outcome);
            AgentTelemetry.Reviews.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            activity?.SetTag("tributary.review.outcome", outcome);
            return result;
        }
        catch (Exception e) when (e is ReviewException or GitLabException or AgentRunException)
        {
            AgentTelemetry.Reviews.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            string message = e is GitLabException ? $"review of merge request !{request.MergeRequestIid} of '{request.Project}' failed: {e.Message}" : e.Message;
            LogFailed(request.Project, request.MergeRequestIid, message);
            throw e is ReviewException ? e : new ReviewException(message, e);
        }
    }

    private async Task<ReviewResult> ReviewCoreAsync(ReviewRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"fetching merge request !{request.MergeRequestIid} of {request.Project}");
        var project = await _gitLab.GetProjectAsync(request.Project, cancellationToken);
        long projectId = project.GetProperty("id").GetInt64();
        string projectPath = project.GetProperty("path_with_namespace").GetString() ?? request.Project;
        var mr = MergeRequestFacts.From(projectId, projectPath, await _gitLab.GetMergeRequestAsync(projectId, request.MergeRequestIid, cancellationToken));
        var repository = await _overrides.GetAsync(projectPath, cancellationToken);
        if (mr.State != "opened")
        {
            return Skip(mr, $"merge request {mr.Reference} is {mr.State}, not open: nothing to review");
        }

        if (mr.Draft && !request.IncludeDrafts && !repository.ReviewDrafts)
        {
            return Skip(mr, $"merge request {mr.Reference} is a draft: not reviewed until it is marked ready (or set review_drafts: true in {RepositoryOverrideParser.FileName})");
        }

        var version = DiffVersion.From(await _gitLab.GetLatestVersionAsync(projectId, mr.Iid, cancellationToken));
        var state = await ReadStateAsync(mr, cancellationToken);
        if (state.LastHeadSha is { } last && string.Equals(last, version.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            LogNothingNew(mr.ProjectPath, mr.Iid, version.HeadSha);
            return new ReviewResult { Outcome = ReviewOutcome.NothingNew, HeadSha = version.HeadSha, Message = $"nothing new to review: commit {version.HeadSha[..8]} of {mr.Reference} was reviewed already" };
        }

        var mergeRequestFiles = (await _gitLab.GetMergeRequestDiffsAsync(projectId, mr.Iid, cancellationToken)).Items.Select(ChangedFile.From).ToList();
        var (files, sinceSha, fullReason) = await ScopeAsync(mr, state, version, mergeRequestFiles, cancellationToken);
        var reviewed = await ReviewFilesAsync(request, mr, files, sinceSha, repository, progress, cancellationToken);
        var placed = Place(reviewed.Findings, mergeRequestFiles, version, state, incremental: sinceSha is not null);
        var result = new ReviewResult
        {
            Outcome = request.DryRun ? ReviewOutcome.DryRun : ReviewOutcome.Posted,
            Message = string.Empty,
            HeadSha = version.HeadSha,
            SinceSha = sinceSha,
            ReviewedFiles = reviewed.Summaries.Count,
            Skipped = reviewed.Skipped,
            InputTokens = reviewed.InputTokens,
            OutputTokens = reviewed.OutputTokens,
            Notices = reviewed.Notices,
        };
        if (request.DryRun)
        {
            string summary = ReviewSummary.Render(version.HeadSha, sinceSha, fullReason, reviewed.Summaries, placed, reviewed.Skipped);
            return result with { Findings = placed, Summary = summary, Message = $"dry run: {Count(placed, FindingPlacement.Inline)} inline and {Count(placed, FindingPlacement.Summary)} summary findings; nothing posted" };
        }

        placed = await PostFindingsAsync(mr, placed, progress, cancellationToken);
        string body = ReviewSummary.Render(version.HeadSha, sinceSha, fullReason, reviewed.Summaries, placed, reviewed.Skipped);
        bool updated = await WriteSummaryAsync(mr, state, body, progress, cancellationToken);
        foreach (var group in placed.GroupBy(p => p.Placement))
        {
            AgentTelemetry.Findings.Add(group.Count(), new KeyValuePair<string, object?>("placement", AgentTelemetry.TagValue(group.Key)));
        }

        LogPosted(mr.ProjectPath, mr.Iid, Count(placed, FindingPlacement.Inline), Count(placed, FindingPlacement.Summary), version.HeadSha);
        return result with
        {
            Findings = placed,
            Summary = body,
            Message = $"posted {Count(placed, FindingPlacement.Inline)} inline and {Count(placed, FindingPlacement.Summary)} summary findings on {mr.Reference} and {(updated ? "updated the summary note" : "added the summary note")}",
        };
    }

    private ReviewResult Skip(MergeRequestFacts mr, string message)
    {
        LogSkipped(mr.ProjectPath, mr.Iid, message);
        return new ReviewResult { Outcome = ReviewOutcome.Skipped, Message = message };
    }

    private static int Count(IReadOnlyList<PlacedFinding> placed, FindingPlacement placement) => placed.Count(p => p.Placement == placement);

    // What to review: the changes since the summary's head when that commit is still part of the merge request,
    // else everything (a force-push dropped it; the summary says so).
    private async Task<(IReadOnlyList<ChangedFile> Files, string? SinceSha, string? FullReason)> ScopeAsync(
        MergeRequestFacts mr, ReviewState state, DiffVersion version, IReadOnlyList<ChangedFile> mergeRequestFiles, CancellationToken cancellationToken)
    {
        if (state.LastHeadSha is not { } last)
        {
            return (mergeRequestFiles, null, null);
        }

        var commits = await _gitLab.GetMergeRequestCommitShasAsync(mr.ProjectId, mr.Iid, cancellationToken);
        if (!commits.Contains(last))
        {
            LogForcePushed(mr.ProjectPath, mr.Iid, last);
            return (mergeRequestFiles, null, $"The last reviewed commit `{last[..Math.Min(8, last.Length)]}` is no longer part of this merge request (force-push or rebase), so everything was reviewed again.");
        }

        var compare = await _gitLab.CompareAsync(mr.ProjectId, last, version.HeadSha, cancellationToken);
        var changed = compare.GetProperty("diffs").EnumerateArray().Select(ChangedFile.From).ToList();
        return (changed, last, null);
    }
}
