using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tributary.TestSupport.FakeGitLab;

/// <summary>Merge request notes and discussions: stored, listed, replied to and edited as GitLab does, written as the token's user.</summary>
public sealed partial class FakeGitLab
{
    /// <summary>GitLab's 400 message when a new diff thread's position names no line of the latest diff (old SHAs, unknown path, wrong line or line range).</summary>
    public const string InvalidPositionMessage = "400 Bad request - Note {:line_code=>[\"can't be blank\", \"must be a valid line code\"]}";

    private const string MergeRequestPath = $"{Api}/projects/{{id}}/merge_requests/{{iid:int}}";

    private void MapNoteEndpoints(IEndpointRouteBuilder app)
    {
        const long Me = FakeGitLabData.BotUserId;
        app.MapGet($"{MergeRequestPath}/notes", (string id, int iid, HttpContext http) => WithProject(id, p => ListNotes(http, p, iid)));
        app.MapPost($"{MergeRequestPath}/notes", async (string id, int iid, HttpContext http) =>
        {
            var body = await Written(http);
            return WithProject(id, p => Answer(Data.CreateNote(p, iid, Me, Text(body["body"]))));
        });
        app.MapPut($"{MergeRequestPath}/notes/{{noteId:long}}", async (string id, int iid, long noteId, HttpContext http) =>
        {
            var body = await Written(http);
            return WithProject(id, p => Answer(Data.UpdateNote(p, iid, noteId, Me, Text(body["body"]))));
        });

        app.MapGet($"{MergeRequestPath}/discussions", (string id, int iid, HttpContext http) => WithProject(id, p =>
            Data.HasMergeRequest(p, iid) ? Page(http, Data.Discussions(p, iid)) : NotFound("Merge Request")));
        app.MapGet($"{MergeRequestPath}/discussions/{{discussionId}}", (string id, int iid, string discussionId) => WithProject(id, p =>
            !Data.HasMergeRequest(p, iid) ? NotFound("Merge Request")
            : Data.Discussions(p, iid).FirstOrDefault(d => (string?)d["id"] == discussionId) is { } discussion ? Results.Json(discussion) : NotFound("Discussion")));
        app.MapPost($"{MergeRequestPath}/discussions", async (string id, int iid, HttpContext http) =>
        {
            var body = await Written(http);
            return WithProject(id, p => body["position"] is { } given and not JsonObject
                ? Answer(FakeGitLabAnswer.Invalid("position is invalid"))
                : Answer(Data.CreateDiscussion(p, iid, Me, Text(body["body"]), body["position"] as JsonObject)));
        });
        app.MapPost($"{MergeRequestPath}/discussions/{{discussionId}}/notes", async (string id, int iid, string discussionId, HttpContext http) =>
        {
            var body = await Written(http);
            return WithProject(id, p => Answer(Data.Reply(p, iid, discussionId, Me, Text(body["body"]))));
        });

        // GitLab finds the note by its id alone; the discussion id in the path is not checked.
        app.MapPut($"{MergeRequestPath}/discussions/{{discussionId}}/notes/{{noteId:long}}", async (string id, int iid, long noteId, HttpContext http) =>
        {
            var body = await Written(http);
            return WithProject(id, p => Answer(Data.UpdateNote(p, iid, noteId, Me, Text(body["body"]))));
        });
    }

    private static IResult Answer(FakeGitLabAnswer answer) => Results.Json(answer.Body, statusCode: answer.Status);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static string? Query(HttpContext http, string name) => http.Request.Query.TryGetValue(name, out var values) ? values[0] : null;

    // GitLab's notes list: order_by created_at (default) or updated_at, sort desc (default) or asc; the id breaks ties.
    private IResult ListNotes(HttpContext http, long project, int iid)
    {
        string orderBy = Query(http, "order_by") ?? "created_at";
        string sort = Query(http, "sort") ?? "desc";
        if (orderBy is not ("created_at" or "updated_at"))
        {
            return Answer(FakeGitLabAnswer.Invalid("order_by does not have a valid value"));
        }

        if (sort is not ("asc" or "desc"))
        {
            return Answer(FakeGitLabAnswer.Invalid("sort does not have a valid value"));
        }

        if (!Data.HasMergeRequest(project, iid))
        {
            return NotFound("Merge Request");
        }

        var notes = Data.Notes(project, iid);
        var ordered = sort == "asc"
            ? notes.OrderBy(n => (string?)n[orderBy], StringComparer.Ordinal).ThenBy(n => (long)n["id"]!)
            : notes.OrderByDescending(n => (string?)n[orderBy], StringComparer.Ordinal).ThenByDescending(n => (long)n["id"]!);
        return Page(http, ordered);
    }

    // The body of a write as JSON (or a form, as GitLab also accepts, with position[new_line]-style keys), recorded in Posts.
    private async Task<JsonObject> Written(HttpContext http)
    {
        JsonObject body;
        if (http.Request.HasFormContentType)
        {
            body = [];
            foreach (var (key, value) in await http.Request.ReadFormAsync(http.RequestAborted))
            {
                string[] parts = key.Replace("]", string.Empty, StringComparison.Ordinal).Split('[');
                var target = body;
                foreach (string part in parts[..^1])
                {
                    target = target[part] as JsonObject ?? (JsonObject)(target[part] = new JsonObject());
                }

                target[parts[^1]] = value.ToString();
            }
        }
        else
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body, cancellationToken: http.RequestAborted) ?? [];
        }

        _posts.Enqueue(new FakeGitLabPost(http.Request.Path.Value ?? string.Empty, JsonSerializer.SerializeToElement(body), http.Request.Method));
        return body;
    }
}
