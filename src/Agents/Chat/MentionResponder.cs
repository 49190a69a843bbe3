using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Tributary.Agents.GitLab;
using Tributary.Agents.Kernel;
using Tributary.Agents.Review;
using Tributary.Agents.Runs;

namespace Tributary.Agents.Chat;

/// <summary>
/// Answers <c>@tributary</c> in a merge request thread: checks who asked (not Tributary itself, not a bot, Developer
/// access or more, checked through the API and cached briefly), runs the <c>chat</c> agent read-only on the merge
/// request's project with the merge request and the thread as data, and replies in the same discussion, once per note.
/// </summary>
public sealed partial class MentionResponder
{
    /// <summary>The least access level that may ask (Developer).</summary>
    public const int MinimumAccessLevel = 30;

    /// <summary>How long a member's access level is trusted before it is read again.</summary>
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(5);

    private const int MaxThreadNote = 4_000;
    private const int MaxThreadNotes = 30;

    private static readonly HybridCacheEntryOptions s_accessOptions = new() { Expiration = AccessLifetime, LocalCacheExpiration = AccessLifetime };

    private readonly GitLabClient _gitLab;
    private readonly AgentRunner _runner;
    private readonly HybridCache _cache;
    private readonly ILogger _logger;

    internal MentionResponder(GitLabClient gitLab, AgentRunner runner, HybridCache cache, ILogger<MentionResponder> logger)
    {
        _gitLab = gitLab;
        _runner = runner;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>Answers <paramref name="request"/>, or says why not.</summary>
    /// <exception cref="GitLabException">GitLab failed before anything could be answered (the caller may retry).</exception>
    public async Task<MentionResult> AnswerAsync(MentionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? refusal = await RefusalAsync(request, cancellationToken);
        var discussion = refusal is null ? await _gitLab.GetDiscussionAsync(request.ProjectId, request.MergeRequestIid, request.DiscussionId, cancellationToken) : default;
        if (refusal is null && await AnsweredAsync(discussion, request.NoteId, cancellationToken))
        {
            refusal = "the note was answered already";
        }

        if (refusal is not null)
        {
            LogIgnored(request.ProjectId, request.MergeRequestIid, request.NoteId, refusal);
            return new MentionResult(MentionOutcome.Ignored, refusal);
        }

        var project = await _gitLab.GetProjectAsync(request.ProjectId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        string path = project.GetProperty("path_with_namespace").GetString() ?? request.ProjectId.ToString(CultureInfo.InvariantCulture);
        var mr = MergeRequestFacts.From(request.ProjectId, path, await _gitLab.GetMergeRequestAsync(request.ProjectId, request.MergeRequestIid, cancellationToken));
        string answer;
        try
        {
            var run = await _runner.RunAsync(
                new AgentRunRequest(request.Agent, Prompt(mr, discussion, request), mr.ProjectPath, mr.Iid) { ReadOnly = true },
                onText: null,
                cancellationToken);
            answer = run.Text.Trim().Length > 0 ? ReviewMarkers.Neutralize(run.Text.Trim()) : "I have no answer to this one.";
            if (run.TimedOut)
            {
                answer += "\n\n_(The answer was cut short by the agent's time limit.)_";
            }
        }
        catch (AgentRunException e)
        {
            LogFailed(mr.ProjectPath, mr.Iid, request.NoteId, e.Message);
            await ReplyAsync(request, "Tributary could not answer this: the agent failed. The host's log says why.", cancellationToken);
            return new MentionResult(MentionOutcome.Failed, e.Message);
        }

        await ReplyAsync(request, answer, cancellationToken);
        LogAnswered(mr.ProjectPath, mr.Iid, request.NoteId, answer.Length);
        return new MentionResult(MentionOutcome.Answered, $"answered note {request.NoteId} on {mr.Reference}", answer);
    }

    /// <summary>The marker that ties an answer to the note it answers.</summary>
    public static string AnswerMarker(long noteId) => $"<!-- tributary:answer note={noteId.ToString(CultureInfo.InvariantCulture)} -->";

    private async Task<string?> RefusalAsync(MentionRequest request, CancellationToken cancellationToken)
    {
        if (NoteMention.Tributary.Question(request.Note) is null)
        {
            return "the note does not address @tributary outside quotes and code";
        }

        long self = await _gitLab.GetCurrentUserIdAsync(cancellationToken);
        if (request.AuthorId == self)
        {
            return "the note is Tributary's own";
        }

        var author = await _gitLab.GetUserAsync(request.AuthorId, cancellationToken);
        string username = author.TryGetProperty("username", out var u) ? u.GetString() ?? string.Empty : string.Empty;
        if (author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
        {
            return $"the note is by a bot user ({username})";
        }

        int? level = await _cache.GetOrCreateAsync(
            $"tributary:gitlab:{_gitLab.Url.Host}{_gitLab.Url.AbsolutePath}:access:{request.ProjectId}:{request.AuthorId}",
            (GitLab: _gitLab, request.ProjectId, request.AuthorId, Caller: Activity.Current),
            static async (state, token) =>
            {
                AgentTelemetry.Continue(state.Caller);
                return await state.GitLab.GetAccessLevelAsync(state.ProjectId, state.AuthorId, token) ?? 0;
            },
            s_accessOptions,
            cancellationToken: cancellationToken);
        if (level < MinimumAccessLevel)
        {
            LogRefused(request.ProjectId, request.MergeRequestIid, username, level ?? 0);
            return $"{username} has access level {level} in the project; asking needs Developer ({MinimumAccessLevel}) or more";
        }

        return null;
    }

    // Tributary's own reply to the note, found by its marker, survives restarts and replicas.
    private async Task<bool> AnsweredAsync(JsonElement discussion, long noteId, CancellationToken cancellationToken)
    {
        long self = await _gitLab.GetCurrentUserIdAsync(cancellationToken);
        string marker = AnswerMarker(noteId);
        return discussion.GetProperty("notes").EnumerateArray().Any(n => n.TryGetProperty("body", out var b) && (b.GetString() ?? string.Empty).Contains(marker, StringComparison.Ordinal)
            && n.TryGetProperty("author", out var a) && a.TryGetProperty("id", out var id) && id.TryGetInt64(out long authorId) && authorId == self);
    }

    private async Task ReplyAsync(MentionRequest request, string text, CancellationToken cancellationToken) =>
        await _gitLab.ReplyAsync(request.ProjectId, request.MergeRequestIid, request.DiscussionId, $"{text}\n\n{AnswerMarker(request.NoteId)}", cancellationToken);

    private static string Prompt(MergeRequestFacts mr, JsonElement discussion, MentionRequest request)
    {
        var data = new UntrustedData();
        var content = new StringBuilder()
            .Append("Merge request: ").Append(mr.Reference).Append('\n')
            .Append("Title: ").Append(mr.Title).Append('\n')
            .Append("Author: ").Append(mr.Author).Append('\n')
            .Append("Branches: ").Append(mr.SourceBranch).Append(" into ").Append(mr.TargetBranch).Append('\n')
            .Append("Description:\n").Append(UntrustedData.Bound(mr.Description, MaxThreadNote)).Append("\n\nThe thread, oldest first:\n");
        foreach (var note in discussion.GetProperty("notes").EnumerateArray().TakeLast(MaxThreadNotes))
        {
            string author = note.TryGetProperty("author", out var a) && a.TryGetProperty("username", out var name) ? name.GetString() ?? "?" : "?";
            content.Append("--- ").Append(author);
            if (note.TryGetProperty("position", out var position) && position.ValueKind == JsonValueKind.Object)
            {
                content.Append(" on ").Append(position.TryGetProperty("new_path", out var p) ? p.GetString() : null)
                    .Append(position.TryGetProperty("new_line", out var line) && line.ValueKind == JsonValueKind.Number ? $":{line.GetInt32()}" : string.Empty);
            }

            content.Append(":\n").Append(UntrustedData.Bound(note.TryGetProperty("body", out var body) ? body.GetString() ?? string.Empty : string.Empty, MaxThreadNote)).Append('\n');
        }

        content.Append("\nThe question (note ").Append(request.NoteId.ToString(CultureInfo.InvariantCulture)).Append("):\n")
            .Append(UntrustedData.Bound(NoteMention.Tributary.Question(request.Note) ?? string.Empty, MaxThreadNote));
        return $"Answer the question asked of you in this merge request thread. Your answer is posted as a reply in the thread.\n{data.Preamble}\n\n{data.Wrap(content.ToString())}";
    }

    [LoggerMessage(5401, LogLevel.Information, "Answered note {NoteId} on {Project}!{MergeRequestIid} ({Characters} characters)")]
    private partial void LogAnswered(string project, int mergeRequestIid, long noteId, int characters);

    [LoggerMessage(5402, LogLevel.Information, "Not answering note {NoteId} on project {ProjectId}!{MergeRequestIid}: {Reason}")]
    private partial void LogIgnored(long projectId, int mergeRequestIid, long noteId, string reason);

    [LoggerMessage(5403, LogLevel.Warning, "Refused @tributary from {Username} on project {ProjectId}!{MergeRequestIid}: access level {AccessLevel} is below Developer")]
    private partial void LogRefused(long projectId, int mergeRequestIid, string username, int accessLevel);

    [LoggerMessage(5404, LogLevel.Error, "Could not answer note {NoteId} on {Project}!{MergeRequestIid}: {Reason}")]
    private partial void LogFailed(string project, int mergeRequestIid, long noteId, string reason);
}
