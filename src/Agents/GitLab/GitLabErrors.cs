using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Tributary.Agents.GitLab;

/// <summary>Turns GitLab's failed answers into messages that say what failed and how to fix it.</summary>
internal static class GitLabErrors
{
    private const int MaxDetailLength = 300;

    /// <summary>The exception for a non-success <paramref name="response"/> to a request about <paramref name="subject"/>.</summary>
    public static async Task<GitLabException> FromResponseAsync(HttpResponseMessage response, string subject, GitLabConnection connection, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        string code = $"{status} {ReasonOf(response)}";
        string instance = connection.Url.ToString().TrimEnd('/');
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new GitLabException(
                $"GitLab ({instance}) rejected the token in {connection.TokenVariable} ({code}): it is invalid, expired or revoked. "
                + $"Create a new access token (scope read_api to read; api to write), export it as {connection.TokenVariable} and restart Tributary.",
                GitLabFailure.Unauthorized, status),
            HttpStatusCode.Forbidden => new GitLabException(
                $"GitLab refused access to {subject} ({code}): the token in {connection.TokenVariable} lacks the scope or its user lacks the role. "
                + "Reading needs the read_api scope, posting comments and creating issues the api scope, and the token's user must be a member of the project (Reporter to read, Developer to write).",
                GitLabFailure.Forbidden, status),
            HttpStatusCode.NotFound => new GitLabException(
                $"{Capitalize(subject)} was not found on GitLab ({code}); check the project (a numeric id or its full path, group/subgroup/project) and the number, and that the token's user can see it.",
                GitLabFailure.NotFound, status),
            HttpStatusCode.TooManyRequests => new GitLabException(
                $"GitLab is rate limiting requests ({code}) and still was after retrying; wait {RetryAfter(response)} and try again.",
                GitLabFailure.RateLimited, status),
            _ when status >= 500 => new GitLabException(
                $"GitLab could not answer the request for {subject} ({code}) after retrying; it may be down or overloaded; try again later.",
                GitLabFailure.Unavailable, status),
            _ => new GitLabException(
                $"GitLab refused the request for {subject} ({code}){await DetailAsync(response, cancellationToken)}.",
                GitLabFailure.Rejected, status),
        };
    }

    /// <summary>No answer within the timeout, after every retry.</summary>
    public static GitLabException Timeout(string subject, GitLabConnection connection, Exception cause) => new(
        $"GitLab did not answer the request for {subject} within {Seconds(connection.Timeout)} (after retrying); it may be slow or down. "
        + "Try again later, or raise gitlab.timeout in tributary.yml.",
        GitLabFailure.Timeout, innerException: cause);

    /// <summary>The circuit breaker is open after many failures in a row.</summary>
    public static GitLabException Paused(string subject, GitLabConnection connection, Exception cause) => new(
        $"Requests to GitLab ({connection.Url.ToString().TrimEnd('/')}) are paused for a short while after repeated failures, so {subject} was not requested; try again in a minute.",
        GitLabFailure.Unavailable, innerException: cause);

    /// <summary>GitLab could not be reached at all.</summary>
    public static GitLabException Unreachable(string subject, GitLabConnection connection, HttpRequestException cause) => new(
        $"Could not reach GitLab at {connection.Url.ToString().TrimEnd('/')} for {subject} ({cause.HttpRequestError}: {cause.Message}); check gitlab.url in tributary.yml and the network.",
        GitLabFailure.Unavailable, innerException: cause);

    private static string ReasonOf(HttpResponseMessage response) =>
        response.ReasonPhrase is { Length: > 0 } reason ? reason : response.StatusCode.ToString();

    private static string RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => Seconds(delta),
        _ => "a minute",
    };

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // GitLab explains refusals in {"message": ...} or {"error": ...}; the text is the API's, never the token.
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // An error page is small; a body past 64 KiB is not worth reading for a one-line detail.
        string body = (await BoundedBody.ReadHeadAsync(response.Content, 64 * 1024, cancellationToken)).Text;
        string? detail = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                detail = json.RootElement.TryGetProperty("message", out var message) ? message.ToString()
                    : json.RootElement.TryGetProperty("error", out var error) ? error.ToString()
                    : null;
            }
        }
        catch (JsonException)
        {
            detail = body;
        }

        if (string.IsNullOrWhiteSpace(detail))
        {
            return string.Empty;
        }

        detail = detail.Trim();
        return ": " + (detail.Length > MaxDetailLength ? detail[..MaxDetailLength] + "…" : detail);
    }
}
