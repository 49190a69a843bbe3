using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tributary.Server.Security;

namespace Tributary.Server.Webhooks;

/// <summary>The answers of <c>POST /webhooks/gitlab</c>: errors as <c>{"error", "message"}</c>, accepted work as what was done with it.</summary>
internal static class WebhookResponses
{
    /// <summary>A refusal; with <paramref name="retryAfter"/>, a <c>Retry-After</c> header in whole seconds.</summary>
    public static Task ErrorAsync(HttpResponse response, int statusCode, string error, string message, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (retryAfter is { } delay)
        {
            response.Headers[HeaderNames.RetryAfter] = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return SecurityErrorResponse.WriteAsync(response, statusCode, error, message, cancellationToken);
    }

    /// <summary>
    /// Work accepted: 202 <c>{"queued": true, "kind", "projectId", "project", "mergeRequestIid", "delivery"}</c> (with
    /// <c>"coalesced": true</c> when it joined a waiting review), or for a redelivery 200 with <c>"queued": false, "duplicate": true</c>.
    /// </summary>
    public static async Task AcceptedAsync(HttpResponse response, WebhookWork work, bool duplicate, bool coalesced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(work);
        response.StatusCode = duplicate ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteBoolean("queued", !duplicate);
        if (duplicate)
        {
            json.WriteBoolean("duplicate", true);
        }

        if (coalesced)
        {
            json.WriteBoolean("coalesced", true);
        }

        json.WriteString("kind", WorkKind.Of(work));
        json.WriteNumber("projectId", work.ProjectId);
        json.WriteString("project", work.ProjectPath);
        json.WriteNumber("mergeRequestIid", work.MergeRequestIid);
        json.WriteString("delivery", work.DeliveryId);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
