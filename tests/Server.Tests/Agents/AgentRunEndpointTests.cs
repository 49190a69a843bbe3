using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tributary.Server.Limits;
using Tributary.Server.Tests.Host;
using Tributary.Server.Tests.Security;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;

namespace Tributary.Server.Tests.Agents;

public sealed class AgentRunEndpointTests : IDisposable
{
    private const string Key = "test-mcp-key-0123456789";
    private const string ModelKey = "sk-fake-model-key";

    private readonly string _agentsDir = Directory.CreateTempSubdirectory("tributary-agents-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_agentsDir, recursive: true);

    [Fact]
    public async Task Post_AgentUsesAGitLabTool_AnswersTheTextAndTheToolCallAccount()
    {
        var script = FakeModelServer.Sequence(
            _ => FakeModelReply.Call("gitlab-get_issue", $$"""{"project":"{{FakeGitLabData.WebPath}}","issue_iid":1}"""),
            request => FakeModelReply.Answer($"Issue says: {request.ToolResults[0]}"));
        await using var env = await StartAsync(script);

        using var response = await PostAsync(env.Host, "helper", """{"prompt":"What is issue 1 about?","project":"acme/web"}""", Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var root = body.RootElement;
        Assert.Equal("helper", root.GetProperty("agent").GetString());
        Assert.Equal("fake", root.GetProperty("model").GetString());
        Assert.Contains("Broken logo on mobile", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var call = Assert.Single(root.GetProperty("tool_calls").EnumerateArray());
        Assert.Equal("gitlab", call.GetProperty("server").GetString());
        Assert.Equal("get_issue", call.GetProperty("tool").GetString());
        Assert.Equal("succeeded", call.GetProperty("outcome").GetString());
        Assert.False(root.GetProperty("timed_out").GetBoolean());
        Assert.Equal(1, env.GitLab.CountOf("GET", $"/api/v4/projects/{FakeGitLabData.WebId}/issues/1"));
    }

    [Fact]
    public async Task Post_WithoutTheKey_Is401AndRunsNothing()
    {
        await using var env = await StartAsync(_ => FakeModelReply.Answer("never"));

        using var response = await PostAsync(env.Host, "helper", """{"prompt":"hi"}""", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(env.Model.Requests);
    }

    [Fact]
    public async Task Post_UnknownAgent_Is404NamingIt()
    {
        await using var env = await StartAsync(_ => FakeModelReply.Answer("never"));

        using var response = await PostAsync(env.Host, "nobody", """{"prompt":"hi"}""", Key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("unknown_agent", error.GetProperty("error").GetString());
        Assert.Equal("no agent is named 'nobody'; agents: helper", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("""{"project":"acme/web"}""", "'prompt' is missing or empty: say what the agent should do")]
    [InlineData("""{"prompt":"hi","mr_iid":0,"project":"acme/web"}""", "'mr_iid' must be a positive integer (the merge request's iid, as in !12)")]
    [InlineData("""{"prompt":"hi","mr_iid":3}""", "'mr_iid' needs 'project' (the merge request's project, a path or an id)")]
    public async Task Post_BadBody_Is400SayingWhatToFix(string json, string message)
    {
        await using var env = await StartAsync(_ => FakeModelReply.Answer("never"));

        using var response = await PostAsync(env.Host, "helper", json, Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Empty(env.Model.Requests);
    }

    [Fact]
    public async Task Post_ModelRejectsTheKeyQuotingIt_502WithoutTheKeyInAnswerOrLogs()
    {
        var logs = new LogCollector();
        await using var env = await StartAsync(
            _ => FakeModelReply.Fail(401, $$$"""{"error":{"message":"Incorrect API key provided: {{{ModelKey}}}.","type":"invalid_request_error","code":"invalid_api_key"}}"""),
            logs: logs);

        using var response = await PostAsync(env.Host, "helper", """{"prompt":"hi"}""", Key);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("upstream_failed", error.GetProperty("error").GetString());
        string message = error.GetProperty("message").GetString()!;
        Assert.StartsWith("model 'fake' (openai-compatible fake-model) failed: ", message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided: ***.", message, StringComparison.Ordinal);
        Assert.Equal(ModelKey, Assert.Single(env.Model.Requests).Authorization?.Replace("Bearer ", string.Empty, StringComparison.Ordinal));
        Assert.Contains(logs.Entries, entry => entry.Message.Contains("Incorrect API key provided: ***.", StringComparison.Ordinal));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain(ModelKey, entry.Message + entry.Exception, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413NamingTheLimitAndItsVariable()
    {
        await using var env = await StartAsync(_ => FakeModelReply.Answer("never"), new() { [LimitOptions.AgentsMaxBodyBytesVariable] = "1024" });

        using var response = await PostAsync(env.Host, "helper", $$"""{"prompt":"{{new string('x', 2048)}}"}""", Key);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("payload_too_large", error.GetProperty("error").GetString());
        Assert.Equal(
            "the request body is larger than 1024 bytes (1 KiB), the most POST /agents/{name}/runs accepts; send a shorter prompt, or raise TRIBUTARY_AGENTS_MAX_BODY_BYTES",
            error.GetProperty("message").GetString());
        Assert.Empty(env.Model.Requests);
    }

    [Fact]
    public async Task Post_RunsAndQueueFull_Is503WithRetryAfterAndTheNextRunGoesOnceOneEnds()
    {
        using var release = new ManualResetEventSlim();
        var modelReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var env = await StartAsync(
            _ =>
            {
                modelReached.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(30), Token);
                return FakeModelReply.Answer("done");
            },
            new() { [LimitOptions.AgentRunsVariable] = "1", [LimitOptions.AgentRunQueueVariable] = "0" });

        var first = PostAsync(env.Host, "helper", """{"prompt":"one"}""", Key);
        await modelReached.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        using var refused = await PostAsync(env.Host, "helper", """{"prompt":"two"}""", Key);
        release.Set();
        using var firstResponse = await first;
        using var third = await PostAsync(env.Host, "helper", """{"prompt":"three"}""", Key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        var error = await refused.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("too_many_runs", error.GetProperty("error").GetString());
        Assert.Equal(
            "1 agent runs are running and 0 are waiting, the most Tributary allows (TRIBUTARY_AGENT_RUNS, TRIBUTARY_AGENT_RUN_QUEUE); try again later (see Retry-After), or raise them",
            error.GetProperty("message").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstResponse.StatusCode, third.StatusCode));
        Assert.Equal(2, env.Model.Requests.Count);
    }

    private static async Task<HttpResponseMessage> PostAsync(RunningHost host, string agent, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/agents/{agent}/runs") { Content = new StringContent(json, MediaTypeHeaderValue.Parse("application/json")) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await host.Http.SendAsync(request, Token);
    }

    private async Task<Environment> StartAsync(Func<FakeModelRequest, FakeModelReply> script, Dictionary<string, string>? limits = null, LogCollector? logs = null)
    {
        var gitLab = await FakeGitLab.StartAsync(Token);
        var model = await FakeModelServer.StartAsync(script, Token);
        await File.WriteAllTextAsync(Path.Combine(_agentsDir, "helper.yml"), "name: helper\ndescription: Helps\ninstructions: You help with {project_path}.\nmodel: fake\nmcp_servers: []\n", Token);
        var variables = new Dictionary<string, string>(limits ?? []) { ["GITLAB_TOKEN"] = FakeGitLab.ValidToken, ["FAKE_MODEL_KEY"] = ModelKey, ["TRIBUTARY_MCP_KEY"] = Key };
        var host = await RunningHost.StartWithConfigAsync(
            $"""
            mcp_servers: {"{}"}
            gitlab:
              url: {gitLab.Url}
            models:
              fake:
                provider: openai-compatible
                endpoint: {model.Endpoint}
                model: fake-model
                api_key_env: FAKE_MODEL_KEY
            agents_dir: {_agentsDir}
            """,
            options => options with
            {
                ReadVariable = variables.GetValueOrDefault,
                ConfigureLogging = logs is null ? options.ConfigureLogging : logging =>
                {
                    options.ConfigureLogging?.Invoke(logging);
                    logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
                },
            },
            Token);
        return new Environment(host, gitLab, model);
    }

    private sealed record Environment(RunningHost Host, FakeGitLab GitLab, FakeModelServer Model) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Model.DisposeAsync();
            await GitLab.DisposeAsync();
        }
    }
}
