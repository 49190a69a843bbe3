using System.Net;
using System.Text.Json;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>A webhook answer read back: status, body, and the JSON error fields when there are some.</summary>
internal sealed record WebhookAnswer(HttpStatusCode Status, string Body, string? RetryAfter)
{
    public static async Task<WebhookAnswer> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return new WebhookAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), retryAfter);
        }
    }

    /// <summary>The <c>error</c> and <c>message</c> of an error body.</summary>
    public (string Error, string Message) Error
    {
        get
        {
            using var json = JsonDocument.Parse(Body);
            return (json.RootElement.GetProperty("error").GetString()!, json.RootElement.GetProperty("message").GetString()!);
        }
    }
}
