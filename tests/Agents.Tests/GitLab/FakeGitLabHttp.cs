using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>The fake GitLab and a plain <see cref="HttpClient"/> on its <c>api/v4/</c> with the valid token: what any bot written against GitLab's REST API sends.</summary>
internal sealed class FakeGitLabHttp : IAsyncDisposable
{
    /// <summary>The review merge request's API path.</summary>
    public const string ReviewPath = "projects/278964/merge_requests/21";

    private readonly HttpClient _client;

    private FakeGitLabHttp(FakeGitLab gitLab)
    {
        GitLab = gitLab;
        _client = new HttpClient { BaseAddress = new Uri(gitLab.Url, "api/v4/") };
        _client.DefaultRequestHeaders.Add("PRIVATE-TOKEN", FakeGitLab.ValidToken);
    }

    public FakeGitLab GitLab { get; }

    public FakeGitLabData Data => GitLab.Data;

    public static async Task<FakeGitLabHttp> StartAsync() => new(await FakeGitLab.StartAsync(TestContext.Current.CancellationToken));

    /// <summary>Asserts that <paramref name="actual"/> is the JSON <paramref name="expected"/>, whatever the property order or escaping.</summary>
    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    public Task<Reply> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> GetTextAsync(string path) => await _client.GetStringAsync(path, TestContext.Current.CancellationToken);

    public Task<Reply> PostAsync(string path, JsonNode body) => SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    public Task<Reply> PutAsync(string path, JsonNode body) => SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) });

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await GitLab.DisposeAsync();
    }

    private async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
            string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            string? next = response.Headers.TryGetValues("x-next-page", out var values) ? values.Single() : null;
            return new Reply(response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null, next);
        }
    }

    /// <summary>An answer: its status, JSON body and <c>x-next-page</c> header.</summary>
    public sealed record Reply(HttpStatusCode Status, JsonNode? Json, string? NextPage)
    {
        public JsonArray Array => Json!.AsArray();

        public JsonObject Object => Json!.AsObject();
    }
}
