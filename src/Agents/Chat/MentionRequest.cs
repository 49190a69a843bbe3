namespace Tributary.Agents.Chat;

/// <summary>An <c>@tributary</c> note on a merge request, as a webhook reports it.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="MergeRequestIid">The merge request's iid.</param>
/// <param name="NoteId">The note's id (one answer per note).</param>
/// <param name="DiscussionId">The discussion the note is in (a top-level note is a discussion of one note).</param>
/// <param name="Note">The note's text.</param>
/// <param name="AuthorId">Who wrote it.</param>
public sealed record MentionRequest(long ProjectId, int MergeRequestIid, long NoteId, string DiscussionId, string Note, long AuthorId)
{
    /// <summary>The agent that answers.</summary>
    public string Agent { get; init; } = "chat";
}
