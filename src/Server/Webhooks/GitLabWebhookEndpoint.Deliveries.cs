using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tributary.Server.Webhooks;

/// <summary>How a delivery is named and recognised when GitLab sends it again.</summary>
internal static partial class GitLabWebhookEndpoint
{
    private const string EventUuidHeader = "X-Gitlab-Event-UUID";
    private const string WebhookUuidHeader = "X-Gitlab-Webhook-UUID";
    private const string IdempotencyHeader = "Idempotency-Key";

    // GitLab names a delivery in several headers, depending on its version; any of them will do in logs.
    private static string DeliveryId(HttpRequest request) =>
        Header(request, EventUuidHeader) ?? Header(request, IdempotencyHeader) ?? Header(request, WebhookUuidHeader) ?? "unknown";

    /// <summary>
    /// What makes a delivery the same as an earlier one: its event id (shared by every webhook an event fires), its
    /// idempotency key (kept by GitLab's retries), and for a mention the note itself, whichever are present.
    /// </summary>
    private static List<string> DeliveryKeys(HttpRequest request, WebhookWork work)
    {
        var keys = new List<string>(3);
        if (Header(request, EventUuidHeader) is { } eventId)
        {
            keys.Add("event:" + eventId);
        }

        if (Header(request, IdempotencyHeader) is { } idempotencyKey)
        {
            keys.Add("idempotency:" + idempotencyKey);
        }

        if (work is MentionWork mention)
        {
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"note:{mention.ProjectId}:{mention.NoteId}"));
        }

        return keys;
    }

    // Header values are limited to what a delivery id looks like, so a caller cannot make keys of any size.
    private static string? Header(HttpRequest request, string name) =>
        request.Headers[name].ToString() is { Length: > 0 and <= 128 } value ? value : null;
}
