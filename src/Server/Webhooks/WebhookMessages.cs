using System.Globalization;

namespace Tributary.Server.Webhooks;

/// <summary>The messages of refused deliveries: what is wrong and how to fix it, never the secret.</summary>
internal static class WebhookMessages
{
    /// <summary>The endpoint is off (404).</summary>
    public const string Off =
        $"the GitLab webhook is off; set {WebhookOptions.SecretVariable} to a long random value (e.g. from 'openssl rand -hex 32'), " +
        "restart Tributary, and give GitLab the same value as the webhook's secret token";

    /// <summary>No <c>X-Gitlab-Token</c> (401).</summary>
    public const string MissingToken =
        $"missing X-Gitlab-Token header; set the webhook's secret token in GitLab to the value of {WebhookOptions.SecretVariable}";

    /// <summary>A wrong <c>X-Gitlab-Token</c> (401).</summary>
    public const string WrongToken =
        $"the X-Gitlab-Token header does not match {WebhookOptions.SecretVariable}; set the webhook's secret token in GitLab to the same value";

    /// <summary>No <c>X-Gitlab-Event</c> (400).</summary>
    public const string MissingEvent =
        "missing X-Gitlab-Event header; GitLab sends it with every delivery ('Merge Request Hook', 'Note Hook', ...)";

    /// <summary>The host is stopping (503).</summary>
    public const string Stopping = "Tributary is shutting down and takes no new work; send the delivery again once it is back (see Retry-After)";

    /// <summary>The <c>/health</c> reason when the endpoint is off.</summary>
    public const string OffReason = $"{WebhookOptions.SecretVariable} is not set; set it to turn POST /webhooks/gitlab on";

    /// <summary>The body is over the limit (413).</summary>
    public static string TooLarge(long maxBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"the body is larger than {maxBytes} bytes; raise {WebhookOptions.MaxBodyBytesVariable} if GitLab's deliveries are that large");

    /// <summary>The queue is full (503).</summary>
    public static string Full(int capacity) => string.Create(
        CultureInfo.InvariantCulture,
        $"the webhook queue is full ({capacity} items wait); send the delivery again later (see Retry-After), and raise {WebhookOptions.QueueCapacityVariable} if this happens often");

    /// <summary>The body is not JSON (400).</summary>
    public static string NotJson(long? line, long? bytePosition) => string.Create(
        CultureInfo.InvariantCulture,
        $"the body is not valid JSON (line {(line ?? 0) + 1}, byte {(bytePosition ?? 0) + 1}); send the body GitLab sends, unchanged");

    /// <summary>The body nests deeper than allowed (400).</summary>
    public static string TooDeep(int maxDepth) => string.Create(
        CultureInfo.InvariantCulture,
        $"the body nests JSON deeper than {maxDepth} levels; GitLab's deliveries never do, send the body GitLab sends, unchanged");
}
