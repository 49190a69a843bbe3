using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Server.Security;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

public sealed class GitLabWebhookEndpointTests
{
    private const string MergeRequestHook = GitLabWebhookParser.MergeRequestHook;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_SecretNotSet_404SayingHowToTurnItOnAndNothingQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(), secret: null);

        var answer = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "e-1"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(
            """{"error":"webhooks_off","message":"the GitLab webhook is off; set TRIBUTARY_WEBHOOK_SECRET to a long random value (e.g. from \u0027openssl rand -hex 32\u0027), restart Tributary, and give GitLab the same value as the webhook\u0027s secret token"}""",
            answer.Body);
        Assert.Equal(0, host.Queue.Depth);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task Post_NoToken_401MissingTokenAndNothingQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, GitLabWebhookFixtures.Text(GitLabWebhookFixtures.MergeRequestOpen), "e-1", token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(("unauthorized", "missing X-Gitlab-Token header; set the webhook's secret token in GitLab to the value of TRIBUTARY_WEBHOOK_SECRET"), answer.Error);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Post_WrongToken_401WithoutEitherTokenInAnswerOrLogsAndNothingQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, GitLabWebhookFixtures.Text(GitLabWebhookFixtures.MergeRequestOpen), "e-1", token: "guessed-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(("unauthorized", "the X-Gitlab-Token header does not match TRIBUTARY_WEBHOOK_SECRET; set the webhook's secret token in GitLab to the same value"), answer.Error);
        Assert.DoesNotContain("guessed-token", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookFactory.Secret, answer.Body, StringComparison.Ordinal);
        await host.SentinelAsync();
        Assert.Contains(host.Logs.Entries, entry => entry.EventId.Id == 7006);
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.Message.Contains(WebhookFactory.Secret, StringComparison.Ordinal) || entry.Message.Contains("guessed-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_McpKeySet_WebhookNeedsOnlyItsTokenNotTheBearerKey()
    {
        var security = new SecurityOptions { Key = "mcp-key", LoopbackOnly = true, AllowedHosts = ["*"], AllowedOriginHosts = SecurityOptions.LoopbackHosts };
        await using var host = new WebhookFactory(new RecordingWorkHandler(), services: services => services.Replace(ServiceDescriptor.Singleton(security)));

        using var mcp = await host.CreateClient().PostAsync(new Uri("/mcp", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), Token);
        var answer = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "e-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, mcp.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.IsType<ReviewWork>((await host.Handler.NextAsync()).Work);
    }

    [Fact]
    public async Task Post_Review_202AtOnceWithWhatWasQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(hold: true));

        var answer = await WebhookAnswer.ReadAsync(await host.PostFixtureAsync(MergeRequestHook, GitLabWebhookFixtures.MergeRequestOpen, "0f1e2d3c-event"));
        var call = await host.Handler.NextAsync();

        // The answer came while the handler still holds the work.
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("""{"queued":true,"kind":"review","projectId":1,"project":"gitlabhq/gitlab-test","mergeRequestIid":1,"delivery":"0f1e2d3c-event"}""", answer.Body);
        Assert.False(call.Finished.IsCompleted);
        call.Release();
    }

    [Fact]
    public async Task Post_NoEventHeader_400NamingTheHeaderAndNothingQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(null, GitLabWebhookFixtures.Text(GitLabWebhookFixtures.MergeRequestOpen), "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", "missing X-Gitlab-Event header; GitLab sends it with every delivery ('Merge Request Hook', 'Note Hook', ...)"), answer.Error);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Post_BodyNotJson_400SayingWhereAndNothingQueued()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, "{\n  \"object_kind\": merge_request\n}", "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", "the body is not valid JSON (line 2, byte 18); send the body GitLab sends, unchanged"), answer.Error);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Post_DeeplyNestedBody_400NotACrash()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, deep, "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", "the body nests JSON deeper than 64 levels; GitLab's deliveries never do, send the body GitLab sends, unchanged"), answer.Error);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_413NamingTheLimitAndItsVariable()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(), options: options => options.MaxBodyBytes = 4096);
        var body = GitLabWebhookFixtures.Text(GitLabWebhookFixtures.MergeRequestOpen);

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, body, "e-1"));

        Assert.True(Encoding.UTF8.GetByteCount(body) > 4096);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(("payload_too_large", "the body is larger than 4096 bytes; raise TRIBUTARY_WEBHOOK_MAX_BODY_BYTES if GitLab's deliveries are that large"), answer.Error);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_413WithoutReadingItAll()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler(), options: options => options.MaxBodyBytes = 4096);
        using var request = WebhookFactory.Delivery(MergeRequestHook, string.Empty, "e-1");
        request.Content = new StreamContent(new MemoryStream(new byte[64 * 1024]));
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.CreateClient().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("project", "the Merge Request Hook body has no 'project' (an object); send the body GitLab sends, unchanged")]
    [InlineData("project.id", "the Merge Request Hook body has no 'project.id' (a whole number); send the body GitLab sends, unchanged")]
    [InlineData("project.path_with_namespace", "the Merge Request Hook body has no 'project.path_with_namespace' (a string); send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.iid", "the Merge Request Hook body has no 'object_attributes.iid' (a whole number); send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.action", "the Merge Request Hook body has no 'object_attributes.action' (a string); send the body GitLab sends, unchanged")]
    [InlineData("object_attributes", "the Merge Request Hook body has no 'object_attributes' (an object); send the body GitLab sends, unchanged")]
    public async Task Post_MergeRequestHookMissingAField_400NamingTheFieldAndNothingQueued(string field, string message)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.MergeRequestOpen);
        Remove(body, field);

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, body.ToJsonString(), "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", message), answer.Error);
        await host.SentinelAsync();
    }

    [Theory]
    [InlineData("project.id", "\"1\"", "'project.id' in the Merge Request Hook body is a string, not a whole number; send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.iid", "1.5", "'object_attributes.iid' in the Merge Request Hook body is 1.5, not a positive whole number; send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.iid", "-3", "'object_attributes.iid' in the Merge Request Hook body is -3, not a positive whole number; send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.iid", "4294967296", "'object_attributes.iid' in the Merge Request Hook body is 4294967296, too large for a merge request iid; send the body GitLab sends, unchanged")]
    [InlineData("project.path_with_namespace", "[]", "'project.path_with_namespace' in the Merge Request Hook body is an array, not a string; send the body GitLab sends, unchanged")]
    [InlineData("object_attributes", "\"x\"", "'object_attributes' in the Merge Request Hook body is a string, not an object; send the body GitLab sends, unchanged")]
    public async Task Post_MergeRequestHookFieldOfTheWrongType_400NamingTheFieldAndNothingQueued(string field, string json, string message)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.MergeRequestOpen);
        Set(body, field, System.Text.Json.Nodes.JsonNode.Parse(json));

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, body.ToJsonString(), "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", message), answer.Error);
        await host.SentinelAsync();
    }

    [Theory]
    [InlineData("object_attributes.id", "the Note Hook body has no 'object_attributes.id' (a whole number); send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.discussion_id", "the Note Hook body has no 'object_attributes.discussion_id' (a string); send the body GitLab sends, unchanged")]
    [InlineData("merge_request", "the Note Hook body has no 'merge_request' (an object); send the body GitLab sends, unchanged")]
    [InlineData("merge_request.iid", "the Note Hook body has no 'merge_request.iid' (a whole number); send the body GitLab sends, unchanged")]
    [InlineData("user.username", "the Note Hook body has no 'user.username' (a string); send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.author_id", "the Note Hook body has no 'object_attributes.author_id' (a whole number); send the body GitLab sends, unchanged")]
    [InlineData("object_attributes.noteable_type", "the Note Hook body has no 'object_attributes.noteable_type' (a string); send the body GitLab sends, unchanged")]
    public async Task Post_MentionMissingAField_400NamingTheFieldAndNothingQueued(string field, string message)
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var body = GitLabWebhookFixtures.Json(GitLabWebhookFixtures.NoteMention);
        Remove(body, field);

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(GitLabWebhookParser.NoteHook, body.ToJsonString(), "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", message), answer.Error);
        await host.SentinelAsync();
    }

    [Fact]
    public async Task Post_BodyIsAJsonArray_400SayingItMustBeAnObject()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());

        var answer = await WebhookAnswer.ReadAsync(await host.PostAsync(MergeRequestHook, "[1, 2]", "e-1"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(("invalid_payload", "the Merge Request Hook body is JSON but not an object; send the body GitLab sends, unchanged"), answer.Error);
    }

    internal static void Remove(System.Text.Json.Nodes.JsonObject body, string path)
    {
        var (parent, name) = Parent(body, path);
        parent.Remove(name);
    }

    internal static void Set(System.Text.Json.Nodes.JsonObject body, string path, System.Text.Json.Nodes.JsonNode? value)
    {
        var (parent, name) = Parent(body, path);
        parent[name] = value;
    }

    private static (System.Text.Json.Nodes.JsonObject Parent, string Name) Parent(System.Text.Json.Nodes.JsonObject body, string path)
    {
        var names = path.Split('.');
        var parent = body;
        foreach (var name in names[..^1])
        {
            parent = parent[name]!.AsObject();
        }

        return (parent, names[^1]);
    }
}
