using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Tributary.Agents.GitLab;

/// <summary>
/// The GitLab REST API (v4) client behind the built-in tools and the agents: sends the <c>PRIVATE-TOKEN</c>,
/// retries through the standard resilience handler of its named <see cref="HttpClient"/>, follows
/// <c>x-next-page</c>, and turns failures into <see cref="GitLabException"/>s whose message says how to fix them.
/// </summary>
public sealed partial class GitLabClient
{
    /// <summary>The name of the <see cref="HttpClient"/> (with its resilience pipeline) this client sends through.</summary>
    public const string HttpClientName = "Tributary.GitLab";

    private const int MaxPerPage = 100;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly GitLabConnection _connection;
    private readonly HybridCache _cache;
    private readonly ILogger _logger;

    internal GitLabClient(IHttpClientFactory httpClientFactory, GitLabConnection connection, HybridCache cache, ILogger<GitLabClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _connection = connection;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>Whether a token is configured; without one every call fails with a message saying how to set it.</summary>
    public bool IsConfigured => _connection.IsConfigured;

    /// <summary>The GitLab instance, e.g. <c>https://gitlab.com/</c>.</summary>
    public Uri Url => _connection.Url;

    /// <summary>What every call answers while no token is set (what is missing, how to set it); <see langword="null"/> when configured.</summary>
    public string? ConfigurationProblem => _connection.IsConfigured ? null : _connection.NotConfiguredMessage;

    /// <summary>The username the token belongs to (<c>GET /user</c>): a cheap authenticated call that proves the token works.</summary>
    /// <exception cref="GitLabException">No token, a rejected token, or GitLab failed.</exception>
    public async Task<string> GetCurrentUserAsync(CancellationToken cancellationToken)
    {
        var user = await GetJsonAsync("user", "the token's user", cancellationToken);
        return user.GetProperty("username").GetString() ?? string.Empty;
    }

    /// <summary>GETs <paramref name="relative"/> (under <c>/api/v4/</c>) and returns its JSON.</summary>
    internal async Task<JsonElement> GetJsonAsync(string relative, string subject, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, relative, null, subject, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>GETs <paramref name="relative"/> and reads at most <paramref name="maxBytes"/> of its body as text (raw files).</summary>
    internal async Task<GitLabText> GetTextAsync(string relative, string subject, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, relative, null, subject, cancellationToken);
        return await BoundedBody.ReadHeadAsync(response.Content, maxBytes, cancellationToken);
    }

    /// <summary>GETs <paramref name="relative"/> and keeps the last <paramref name="keepBytes"/> of its body, reading at most <paramref name="maxBytes"/> (job logs).</summary>
    internal async Task<GitLabText> GetTextTailAsync(string relative, string subject, int keepBytes, long maxBytes, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, relative, null, subject, cancellationToken);
        return await BoundedBody.ReadTailAsync(response.Content, keepBytes, maxBytes, cancellationToken);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON and returns GitLab's answer.</summary>
    internal async Task<JsonElement> PostJsonAsync(string relative, object body, string subject, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body);
        using var response = await SendAsync(HttpMethod.Post, relative, content, subject, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>PUTs <paramref name="body"/> as JSON and returns GitLab's answer.</summary>
    internal async Task<JsonElement> PutJsonAsync(string relative, object body, string subject, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body);
        using var response = await SendAsync(HttpMethod.Put, relative, content, subject, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>
    /// GETs a list, following <c>x-next-page</c> until <paramref name="maxItems"/> items are gathered or the pages end.
    /// </summary>
    internal async Task<GitLabPage> GetPagedAsync(string relative, int maxItems, string subject, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var items = new List<JsonElement>();
        int perPage = Math.Min(maxItems, MaxPerPage);
        string separator = relative.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? page = "1";
        bool leftOver = false;
        while (!string.IsNullOrEmpty(page) && !leftOver)
        {
            using var response = await SendAsync(HttpMethod.Get, $"{relative}{separator}per_page={perPage}&page={page}", null, subject, cancellationToken);
            var list = await ReadJsonAsync(response, cancellationToken);
            foreach (var item in list.EnumerateArray())
            {
                if (items.Count == maxItems)
                {
                    leftOver = true;
                    break;
                }

                items.Add(item);
            }

            page = response.Headers.TryGetValues("x-next-page", out var next) ? next.FirstOrDefault() : null;
            leftOver |= items.Count == maxItems && !string.IsNullOrEmpty(page);
        }

        return new GitLabPage(items, leftOver);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, HttpContent? content, string subject, CancellationToken cancellationToken)
    {
        if (_connection.Token is not { } token)
        {
            throw new GitLabException(_connection.NotConfiguredMessage, GitLabFailure.NotConfigured);
        }

        using var request = new HttpRequestMessage(method, new Uri(_connection.ApiBase, relative)) { Content = content };
        request.Headers.Add("PRIVATE-TOKEN", token);
        var http = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            // Headers only: each reader decides how much of the body to take (BoundedBody for text, JSON as parsed).
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            throw GitLabErrors.Timeout(subject, _connection, e);
        }
        catch (BrokenCircuitException e)
        {
            throw GitLabErrors.Paused(subject, _connection, e);
        }
        catch (HttpRequestException e)
        {
            throw GitLabErrors.Unreachable(subject, _connection, e);
        }

        LogAnswered(method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await GitLabErrors.FromResponseAsync(response, subject, _connection, cancellationToken);
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return json.RootElement.Clone();
    }

    [LoggerMessage(4001, LogLevel.Debug, "GitLab {Method} {Path} answered {StatusCode}")]
    private partial void LogAnswered(string method, string path, int statusCode);
}
