using System.Net;
using System.Text.Json.Nodes;
using Tributary.TestSupport.FakeGitLab;
using static Tributary.Agents.Tests.GitLab.FakeGitLabHttp;
using static Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>Notes on the fake: stored, listed in GitLab's orders, threaded on reply, and editable only by their author.</summary>
public sealed class FakeGitLabNoteTests
{
    [Fact]
    public async Task PostNote_IsStoredAsAnIndividualDiscussionOfTheTokensUser()
    {
        await using var gitLab = await StartAsync();

        var created = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/notes", new JsonObject { ["body"] = "## Review summary" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var note = created.Object;
        Assert.Equal(3001L, (long)note["id"]!);
        Assert.Equal(["## Review summary", "2026-11-23T12:00:00.000Z", "2026-11-23T12:00:00.000Z", "MergeRequest", "tributary-bot"],
            new[] { note["body"], note["created_at"], note["updated_at"], note["noteable_type"], note["author"]!["username"] }.Select(n => (string?)n));
        Assert.Equal([99L, 21L], new[] { note["author"]!["id"], note["noteable_iid"] }.Select(n => (long)n!));
        Assert.Null(note["type"]);
        Assert.True(note.ContainsKey("type"));
        Assert.Equal([false, false], new[] { note["system"], note["resolvable"] }.Select(n => (bool)n!));
        var discussion = (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/discussions")).Array.Single()!;
        Assert.True((bool)discussion["individual_note"]!);
        AssertJson(note.ToJsonString(), discussion["notes"]![0]);
        AssertJson(note.ToJsonString(), (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/notes")).Array.Single());
    }

    [Fact]
    public async Task Reply_ToAnIndividualNote_TurnsItIntoAResolvableThread()
    {
        await using var gitLab = await StartAsync();
        var comment = gitLab.Data.AddNote(BackendId, ReviewMergeRequestIid, BobId, "@tributary does this handle an empty discount list?");
        string id = (string)gitLab.Data.Discussions(BackendId, ReviewMergeRequestIid).Single()["id"]!;

        var reply = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions/{id}/notes", new JsonObject { ["body"] = "Yes: `max(..., default=0)`." });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(["DiscussionNote", "tributary-bot"], new[] { reply.Object["type"], reply.Object["author"]!["username"] }.Select(n => (string?)n));
        var thread = (await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/discussions/{id}")).Object;
        Assert.False((bool)thread["individual_note"]!);
        var notes = thread["notes"]!.AsArray();
        Assert.Equal([(long)comment["id"]!, (long)reply.Object["id"]!], notes.Select(n => (long)n!["id"]!));
        Assert.Equal(["DiscussionNote", "DiscussionNote"], notes.Select(n => (string?)n!["type"]));
        Assert.Equal([true, true], notes.Select(n => (bool)n!["resolvable"]!));
        Assert.Equal([false, false], notes.Select(n => (bool)n!["resolved"]!));
    }

    [Fact]
    public async Task Reply_UnknownDiscussion_Is404()
    {
        await using var gitLab = await StartAsync();

        var reply = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/discussions/{new string('a', 40)}/notes", new JsonObject { ["body"] = "hello" });

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        AssertJson("""{"message":"404 Discussion Not Found"}""", reply.Json);
    }

    [Fact]
    public async Task PutNote_ByItsAuthor_UpdatesItInPlaceAndIsRecorded()
    {
        await using var gitLab = await StartAsync();
        long id = (long)(await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/notes", new JsonObject { ["body"] = "Summary v1" })).Object["id"]!;

        var updated = await gitLab.PutAsync($"{FakeGitLabHttp.ReviewPath}/notes/{id}", new JsonObject { ["body"] = "Summary v2" });

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(["Summary v2", "2026-11-23T12:00:00.000Z", "2026-11-23T12:01:00.000Z"], new[] { updated.Object["body"], updated.Object["created_at"], updated.Object["updated_at"] }.Select(n => (string?)n));
        Assert.Equal(["Summary v2"], gitLab.Data.Notes(BackendId, ReviewMergeRequestIid).Select(n => (string?)n["body"]));
        Assert.Equal(1, gitLab.GitLab.CountOf("PUT", $"/api/v4/{FakeGitLabHttp.ReviewPath}/notes/{id}"));
        Assert.Equal(["POST", "PUT"], gitLab.GitLab.Posts.Select(p => p.Method));
        Assert.Equal("Summary v2", gitLab.GitLab.Posts[1].Body.GetProperty("body").GetString());
    }

    [Fact]
    public async Task PutNote_SomeoneElsesOrUnknown_Is403Or404AndChangesNothing()
    {
        await using var gitLab = await StartAsync();
        long bobs = (long)gitLab.Data.AddNote(BackendId, ReviewMergeRequestIid, BobId, "LGTM")["id"]!;

        var forbidden = await gitLab.PutAsync($"{FakeGitLabHttp.ReviewPath}/notes/{bobs}", new JsonObject { ["body"] = "hijacked" });
        var unknown = await gitLab.PutAsync($"{FakeGitLabHttp.ReviewPath}/notes/999999", new JsonObject { ["body"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        AssertJson("""{"message":"403 Forbidden"}""", forbidden.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        AssertJson("""{"message":"404 Not found"}""", unknown.Json);
        Assert.Equal(["LGTM"], gitLab.Data.Notes(BackendId, ReviewMergeRequestIid).Select(n => (string?)n["body"]));
    }

    [Fact]
    public async Task PostNote_ManyAtOnce_EachStoredOnceWithItsOwnId()
    {
        await using var gitLab = await StartAsync();

        var created = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/notes", new JsonObject { ["body"] = $"note {i}" })));

        Assert.All(created, c => Assert.Equal(HttpStatusCode.Created, c.Status));
        Assert.Equal(Enumerable.Range(3001, 20).Select(i => (long)i), created.Select(c => (long)c.Object["id"]!).Order());
        Assert.Equal(20, gitLab.Data.Discussions(BackendId, ReviewMergeRequestIid).Select(d => (string?)d["id"]).Distinct().Count());
        Assert.Equal(20, gitLab.Data.Notes(BackendId, ReviewMergeRequestIid).Select(n => (string?)n["body"]).Distinct().Count());
    }

    [Theory]
    [InlineData("", new long[] { 3003, 3002, 3001 })]
    [InlineData("?sort=asc", new long[] { 3001, 3002, 3003 })]
    [InlineData("?order_by=updated_at", new long[] { 3001, 3003, 3002 })]
    [InlineData("?order_by=updated_at&sort=asc", new long[] { 3002, 3003, 3001 })]
    public async Task ListNotes_SortAndOrderBy_AsGitLabDefaultingToNewestCreatedFirst(string query, long[] expected)
    {
        await using var gitLab = await StartAsync();
        foreach (string body in new[] { "one", "two", "three" })
        {
            await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/notes", new JsonObject { ["body"] = body });
        }

        await gitLab.PutAsync($"{FakeGitLabHttp.ReviewPath}/notes/3001", new JsonObject { ["body"] = "one, edited" });
        var notes = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/notes{query}");

        Assert.Equal(expected, notes.Array.Select(n => (long)n!["id"]!));
    }

    [Theory]
    [InlineData("notes?sort=newest", """{"error":"sort does not have a valid value"}""")]
    [InlineData("notes?order_by=id", """{"error":"order_by does not have a valid value"}""")]
    public async Task ListNotes_InvalidSortOrOrder_IsGrapes400(string path, string body)
    {
        await using var gitLab = await StartAsync();

        var answer = await gitLab.GetAsync($"{FakeGitLabHttp.ReviewPath}/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertJson(body, answer.Json);
    }

    [Theory]
    [InlineData("notes", """{}""", """{"error":"body is missing"}""")]
    [InlineData("notes", """{"body":"  "}""", """{"message":"400 Bad request - Note {:note=>[\"can't be blank\"]}"}""")]
    [InlineData("discussions", """{}""", """{"error":"body is missing"}""")]
    public async Task PostNote_WithoutABody_IsGitLabs400(string path, string request, string body)
    {
        await using var gitLab = await StartAsync();

        var answer = await gitLab.PostAsync($"{FakeGitLabHttp.ReviewPath}/{path}", JsonNode.Parse(request)!);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        AssertJson(body, answer.Json);
        Assert.Empty(gitLab.Data.Notes(BackendId, ReviewMergeRequestIid));
    }
}
