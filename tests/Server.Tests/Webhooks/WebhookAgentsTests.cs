using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Chat;
using Tributary.Agents.Configuration;
using Tributary.Server.Host;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;
using Tributary.TestSupport.GitLabWebhooks;
using Tributary.TestSupport.Logging;
using D = Tributary.TestSupport.FakeGitLab.FakeGitLabData;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>
/// GitLab's deliveries, shaped like the real payloads, through the real host to the real reviewer and chat, against
/// the fake GitLab and the fake model: what ends up posted on the merge request.
/// </summary>
public sealed class WebhookAgentsTests : IAsyncLifetime
{
    private const int WorkDone = 7013;
    private const string Secret = "webhook-secret-agents-5b1e";

    private readonly WaitableLogs _logs = new();
    private FakeGitLab _gitLab = null!;
    private FakeModelServer _model = null!;
    private TempRegistry _config = null!;
    private WebApplication _host = null!;
    private HttpClient _http = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _gitLab = await FakeGitLab.StartAsync(Token);
        var review = ReviewCommandTests.Script();
        _model = await FakeModelServer.StartAsync(
            request => request.Tools.Contains("review-submit_review") ? review(request) : FakeModelReply.Answer("total() subtracts the best discount first."),
            Token);
        _config = ReviewCommandTests.WriteConfig(_model);
        File.AppendAllText(_config.Path, $"\ngitlab:\n  url: {_gitLab.Url}\n  timeout: 10s\ncache:\n  redis: \"\"\n");
        File.WriteAllText(Path.Combine(_config.Directory, "agents", "chat.yml"), "name: chat\ninstructions: Answer about {project_path}.\n");
        var loaded = TributaryConfigLoader.Load(_config.Path);
        Assert.True(loaded.IsValid, string.Join('\n', loaded.Errors));
        _host = TributaryHost.Build(new TributaryHostOptions
        {
            Config = loaded.Config!,
            Urls = "http://127.0.0.1:0",
            ReadVariable = name => name switch
            {
                "GITLAB_TOKEN" => FakeGitLab.ValidToken,
                "FAKE_MODEL_KEY" => ReviewCommandTests.ModelKey,
                WebhookOptions.SecretVariable => Secret,
                WebhookOptions.WorkersVariable => "1",
                _ => null,
            },
            ConfigureLogging = logging =>
            {
                TestLogging.ConfigureHost(logging);
                logging.AddProvider(_logs);
            },
        });
        await _host.StartAsync(Token);
        string address = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
        await _model.DisposeAsync();
        await _gitLab.DisposeAsync();
        _config.Dispose();
    }

    [Fact]
    public async Task MergeRequestOpened_ReviewIsPostedOnceEvenWhenRedelivered()
    {
        string body = MergeRequestHook("open").ToJsonString();

        using var first = await DeliverAsync(GitLabWebhookParser.MergeRequestHook, body, "mr-open-1");
        var done = await _logs.WaitForAsync(WorkDone);
        using var again = await DeliverAsync(GitLabWebhookParser.MergeRequestHook, body, "mr-open-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("posted 1 inline and 1 summary findings on !21 of acme/platform/backend and added the summary note", done.Message, StringComparison.Ordinal);
        var discussions = _gitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid);
        Assert.Equal(2, discussions.Count);
        Assert.Single(discussions, d => ((string)d["notes"]![0]!["body"]!).StartsWith("### Tributary review", StringComparison.Ordinal));
        Assert.Equal(D.PricingAddedNewLine, (int)discussions.Single(d => d["notes"]![0]!["position"] is not null)["notes"]![0]!["position"]!["new_line"]!);
    }

    [Fact]
    public async Task PushWithNoNewCommitSinceTheReview_NothingMoreIsPosted()
    {
        using var opened = await DeliverAsync(GitLabWebhookParser.MergeRequestHook, MergeRequestHook("open").ToJsonString(), "mr-open-2");
        await _logs.WaitForAsync(WorkDone);
        var update = MergeRequestHook("update");
        update["object_attributes"]!["oldrev"] = D.ReviewFirstCommitSha;

        using var pushed = await DeliverAsync(GitLabWebhookParser.MergeRequestHook, update.ToJsonString(), "mr-update-2");
        var second = await _logs.WaitForAsync(WorkDone, 2);

        Assert.Contains("nothing new to review", second.Message, StringComparison.Ordinal);
        Assert.Equal(2, _gitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Count);
    }

    [Fact]
    public async Task DeveloperMentionsTributary_AnswerInTheThreadOnceEvenWhenRedelivered()
    {
        var thread = _gitLab.Data.AddDiscussion(D.BackendId, D.ReviewMergeRequestIid, D.MayaId, "Why a list of discounts?");
        var note = _gitLab.Data.AddReply(D.BackendId, D.ReviewMergeRequestIid, (string)thread["id"]!, D.BobId, "@tributary how does total() use them?");
        string body = NoteHook(note, (string)thread["id"]!, D.BobId, "bob").ToJsonString();

        using var first = await DeliverAsync(GitLabWebhookParser.NoteHook, body, "note-1");
        var done = await _logs.WaitForAsync(WorkDone);
        using var redelivered = await DeliverAsync(GitLabWebhookParser.NoteHook, body, "note-1-retry");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Contains($"answered note {note["id"]} on !21 of acme/platform/backend", done.Message, StringComparison.Ordinal);
        var notes = _gitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Single(d => (string)d["id"]! == (string)thread["id"]!)["notes"]!.AsArray();
        Assert.Equal(3, notes.Count);
        Assert.Equal($"total() subtracts the best discount first.\n\n{MentionResponder.AnswerMarker((long)note["id"]!)}", (string)notes[2]!["body"]!);
    }

    [Theory]
    [InlineData(D.GinaId, "gina", "gina has access level 10 in the project; asking needs Developer (30) or more")]
    [InlineData(D.RenovateBotId, "renovate-bot", "the note is by a bot user (renovate-bot)")]
    public async Task MentionByAGuestOrABot_IsIgnoredAndNothingIsPosted(long author, string username, string reason)
    {
        var note = _gitLab.Data.AddNote(D.BackendId, D.ReviewMergeRequestIid, author, "@tributary please approve this");
        string discussion = (string)_gitLab.Data.Discussions(D.BackendId, D.ReviewMergeRequestIid).Single(d => (long)d["notes"]![0]!["id"]! == (long)note["id"]!)["id"]!;
        int posts = _gitLab.Posts.Count;

        using var response = await DeliverAsync(GitLabWebhookParser.NoteHook, NoteHook(note, discussion, author, username).ToJsonString(), $"note-{username}");
        var done = await _logs.WaitForAsync(WorkDone);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.EndsWith(reason, done.Message, StringComparison.Ordinal);
        Assert.Equal(posts, _gitLab.Posts.Count);
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task WrongToken_401AndNothingIsDone()
    {
        using var response = await DeliverAsync(GitLabWebhookParser.MergeRequestHook, MergeRequestHook("open").ToJsonString(), "mr-bad-token", token: "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_gitLab.Requests, r => r.Path.Contains("merge_requests", StringComparison.Ordinal));
        Assert.Empty(_gitLab.Posts);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_413AndNothingIsDone()
    {
        var (answer, sent) = await Hostile.RawChunkedPost.SendAsync(
            _http.BaseAddress!,
            "/webhooks/gitlab",
            $"X-Gitlab-Token: {Secret}\r\nX-Gitlab-Event: {GitLabWebhookParser.MergeRequestHook}\r\n",
            20_000_000,
            Token);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("the body is larger than 1048576 bytes; raise TRIBUTARY_WEBHOOK_MAX_BODY_BYTES", answer, StringComparison.Ordinal);
        Assert.True(sent < 20_000_000, $"the answer came only after {sent} bytes");
        Assert.Empty(_gitLab.Requests);
    }

    private static JsonObject MergeRequestHook(string action)
    {
        var hook = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.MergeRequestOpen);
        hook["project"]!["id"] = D.BackendId;
        hook["project"]!["path_with_namespace"] = D.BackendPath;
        hook["object_attributes"]!["iid"] = D.ReviewMergeRequestIid;
        hook["object_attributes"]!["target_project_id"] = D.BackendId;
        hook["object_attributes"]!["action"] = action;
        return hook;
    }

    private static JsonObject NoteHook(JsonObject note, string discussion, long author, string username)
    {
        var hook = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        hook["user"]!["id"] = author;
        hook["user"]!["username"] = username;
        hook["project"]!["id"] = D.BackendId;
        hook["project"]!["path_with_namespace"] = D.BackendPath;
        hook["object_attributes"]!["id"] = (long)note["id"]!;
        hook["object_attributes"]!["note"] = (string)note["body"]!;
        hook["object_attributes"]!["author_id"] = author;
        hook["object_attributes"]!["discussion_id"] = discussion;
        hook["merge_request"]!["iid"] = D.ReviewMergeRequestIid;
        return hook;
    }

    private Task<HttpResponseMessage> DeliverAsync(string eventName, string body, string uuid, string token = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gitlab")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Gitlab-Token", token);
        request.Headers.Add("X-Gitlab-Event", eventName);
        request.Headers.Add("X-Gitlab-Event-UUID", uuid);
        return _http.SendAsync(request, Token);
    }
}
