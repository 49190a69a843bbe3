using System.Text.Json.Nodes;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Merge request notes and discussions, stored as GitLab would: every note belongs to a discussion.</summary>
public sealed partial class FakeGitLabData
{
    private readonly Dictionary<(long Project, int Iid), List<JsonObject>> _discussions = [];
    private long _nextNoteId = 3001;
    private DateTimeOffset _clock = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The notes of a merge request as stored, oldest first (copies).</summary>
    public IReadOnlyList<JsonObject> Notes(long project, int iid)
    {
        lock (_sync)
        {
            return [.. DiscussionsOf(project, iid).SelectMany(d => d["notes"]!.AsArray()).Select(n => n!.DeepClone().AsObject()).OrderBy(n => (long)n["id"]!)];
        }
    }

    /// <summary>The discussions of a merge request as <c>GET …/discussions</c> lists them, oldest first (copies).</summary>
    public IReadOnlyList<JsonObject> Discussions(long project, int iid)
    {
        lock (_sync)
        {
            return [.. DiscussionsOf(project, iid).Select(d => d.DeepClone().AsObject())];
        }
    }

    /// <summary>Adds a comment (an individual note) by <paramref name="authorId"/>, as if that user had written it; returns the note.</summary>
    public JsonObject AddNote(long project, int iid, long authorId, string body) => Expect(CreateNote(project, iid, authorId, body));

    /// <summary>Starts a thread by <paramref name="authorId"/> (on a diff line when <paramref name="position"/> is given, checked as GitLab checks it); returns the discussion.</summary>
    /// <exception cref="InvalidOperationException">GitLab would refuse it; the message is GitLab's.</exception>
    public JsonObject AddDiscussion(long project, int iid, long authorId, string body, JsonObject? position = null) =>
        Expect(CreateDiscussion(project, iid, authorId, body, position));

    /// <summary>Replies in discussion <paramref name="discussionId"/> as <paramref name="authorId"/>; returns the note.</summary>
    public JsonObject AddReply(long project, int iid, string discussionId, long authorId, string body) =>
        Expect(Reply(project, iid, discussionId, authorId, body));

    internal bool HasMergeRequest(long project, int iid)
    {
        lock (_sync)
        {
            return FindMergeRequest(project, iid) is not null;
        }
    }

    internal FakeGitLabAnswer CreateNote(long project, int iid, long authorId, string? body)
    {
        lock (_sync)
        {
            if (Refusal(project, iid, body) is { } refused)
            {
                return refused;
            }

            var note = NewNote(project, iid, authorId, body!, type: null, position: null);
            Store(project, iid, note, individual: true);
            return FakeGitLabAnswer.Created(note.DeepClone());
        }
    }

    internal FakeGitLabAnswer CreateDiscussion(long project, int iid, long authorId, string? body, JsonObject? position)
    {
        lock (_sync)
        {
            if (position is not null && FakeGitLabPositions.Malformed(position) is { } malformed)
            {
                return FakeGitLabAnswer.Invalid(malformed);
            }

            if (Refusal(project, iid, body) is { } refused)
            {
                return refused;
            }

            JsonObject? accepted = null;
            if (position is not null && (accepted = FakeGitLabPositions.Accept(position, LatestVersion(project, iid), Diffs.GetValueOrDefault((project, iid)) ?? [])) is null)
            {
                return FakeGitLabAnswer.Message(400, FakeGitLab.InvalidPositionMessage);
            }

            var note = NewNote(project, iid, authorId, body!, accepted is null ? "DiscussionNote" : "DiffNote", accepted);
            return FakeGitLabAnswer.Created(Store(project, iid, note, individual: false).DeepClone());
        }
    }

    internal FakeGitLabAnswer Reply(long project, int iid, string discussionId, long authorId, string? body)
    {
        lock (_sync)
        {
            if (Refusal(project, iid, body) is { } refused)
            {
                return refused;
            }

            if (DiscussionsOf(project, iid).FirstOrDefault(d => (string?)d["id"] == discussionId) is not { } discussion)
            {
                return FakeGitLabAnswer.Message(404, "404 Discussion Not Found");
            }

            var notes = discussion["notes"]!.AsArray();
            var first = notes[0]!.AsObject();
            if ((bool)discussion["individual_note"]!)
            {
                // GitLab turns a comment into a thread when someone replies to it.
                discussion["individual_note"] = false;
                first["type"] = "DiscussionNote";
                MakeResolvable(first);
            }

            var reply = NewNote(project, iid, authorId, body!, (string?)first["type"], first["position"]?.DeepClone().AsObject());
            notes.Add(reply);
            return FakeGitLabAnswer.Created(reply.DeepClone());
        }
    }

    internal FakeGitLabAnswer UpdateNote(long project, int iid, long noteId, long userId, string? body)
    {
        lock (_sync)
        {
            if (body is null)
            {
                return FakeGitLabAnswer.Invalid("body is missing");
            }

            if (FindMergeRequest(project, iid) is null)
            {
                return FakeGitLabAnswer.Message(404, "404 Merge Request Not Found");
            }

            var note = DiscussionsOf(project, iid).SelectMany(d => d["notes"]!.AsArray()).Select(n => n!.AsObject()).FirstOrDefault(n => (long)n["id"]! == noteId);
            if (note is null)
            {
                return FakeGitLabAnswer.Message(404, "404 Not found");
            }

            if ((long)note["author"]!["id"]! != userId)
            {
                return FakeGitLabAnswer.Message(403, "403 Forbidden");
            }

            note["body"] = body;
            note["updated_at"] = Tick();
            return FakeGitLabAnswer.Ok(note.DeepClone());
        }
    }

    private static void MakeResolvable(JsonObject note)
    {
        note["resolvable"] = true;
        note["resolved"] = false;
        note["resolved_by"] = null;
        note["resolved_at"] = null;
    }

    private static JsonObject Expect(FakeGitLabAnswer answer) => answer.Succeeded
        ? answer.Body.AsObject()
        : throw new InvalidOperationException($"GitLab would answer {answer.Status}: {answer.Body.ToJsonString()}");

    // Checks every write makes first: the body (Grape, then the note's own validation), then the merge request.
    private FakeGitLabAnswer? Refusal(long project, int iid, string? body) =>
        body is null ? FakeGitLabAnswer.Invalid("body is missing")
        : FindMergeRequest(project, iid) is null ? FakeGitLabAnswer.Message(404, "404 Merge Request Not Found")
        : string.IsNullOrWhiteSpace(body) ? FakeGitLabAnswer.Message(400, "400 Bad request - Note {:note=>[\"can't be blank\"]}")
        : null;

    private JsonObject? FindMergeRequest(long project, int iid) =>
        MergeRequests.GetValueOrDefault(project)?.FirstOrDefault(mr => (int?)mr["iid"] == iid);

    private List<JsonObject> DiscussionsOf(long project, int iid) =>
        _discussions.TryGetValue((project, iid), out var discussions) ? discussions : _discussions[(project, iid)] = [];

    private JsonObject NewNote(long project, int iid, long authorId, string body, string? type, JsonObject? position)
    {
        string now = Tick();
        var note = new JsonObject
        {
            ["id"] = _nextNoteId++,
            ["type"] = type,
            ["body"] = body,
            ["author"] = Author(Users[authorId]),
            ["created_at"] = now,
            ["updated_at"] = now,
            ["system"] = false,
            ["noteable_id"] = FindMergeRequest(project, iid)!["id"]!.DeepClone(),
            ["noteable_type"] = "MergeRequest",
            ["project_id"] = project,
            ["commit_id"] = null,
            ["resolvable"] = false,
            ["confidential"] = false,
            ["internal"] = false,
            ["imported"] = false,
            ["imported_from"] = "none",
            ["noteable_iid"] = iid,
            ["commands_changes"] = new JsonObject(),
        };
        if (position is not null)
        {
            note["position"] = position;
        }

        if (type is not null)
        {
            MakeResolvable(note);
        }

        return note;
    }

    private JsonObject Store(long project, int iid, JsonObject note, bool individual)
    {
        string id = UnifiedDiff.Sha1Hex($"discussion/{project}/{iid}/{note["id"]}");
        var discussion = new JsonObject { ["id"] = id, ["individual_note"] = individual, ["notes"] = new JsonArray(note) };
        DiscussionsOf(project, iid).Add(discussion);
        return discussion;
    }
}
