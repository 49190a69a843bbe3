using Microsoft.Extensions.Logging;

namespace Tributary.Agents.Review;

/// <summary>The reviewer's log messages.</summary>
public sealed partial class MergeRequestReviewer
{
    [LoggerMessage(5301, LogLevel.Information, "Review of {Project}!{MergeRequestIid}: posted {Inline} inline and {InSummary} summary findings for head {HeadSha}")]
    private partial void LogPosted(string project, int mergeRequestIid, int inline, int inSummary, string headSha);

    [LoggerMessage(5302, LogLevel.Information, "Review of {Project}!{MergeRequestIid}: head {HeadSha} was reviewed already")]
    private partial void LogNothingNew(string project, int mergeRequestIid, string headSha);

    [LoggerMessage(5303, LogLevel.Information, "Review of {Project}!{MergeRequestIid} skipped: {Reason}")]
    private partial void LogSkipped(string project, int mergeRequestIid, string reason);

    [LoggerMessage(5304, LogLevel.Information, "Review of {Project}!{MergeRequestIid}: the last reviewed commit {LastSha} is gone (force-push); reviewing everything")]
    private partial void LogForcePushed(string project, int mergeRequestIid, string lastSha);

    [LoggerMessage(5305, LogLevel.Warning, "Review of {Project}!{MergeRequestIid}: GitLab refused the position of the finding at {Location}; it goes into the summary: {Reason}")]
    private partial void LogPositionRefused(string project, int mergeRequestIid, string location, string reason);

    [LoggerMessage(5306, LogLevel.Warning, "Review of {Project}!{MergeRequestIid}: the summary note {NoteId} is gone; posting a new one")]
    private partial void LogSummaryGone(string project, int mergeRequestIid, long noteId);

    [LoggerMessage(5307, LogLevel.Error, "Review of {Project}!{MergeRequestIid} failed: {Reason}")]
    private partial void LogFailed(string project, int mergeRequestIid, string reason);
}
