using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tributary.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/gitlab</c>: checks <c>X-Gitlab-Token</c>, reads the delivery, and queues the work it asks for,
/// answering at once (202) so GitLab never waits for a review. Not behind the <c>/mcp</c> key: GitLab cannot send it.
/// </summary>
internal static partial class GitLabWebhookEndpoint
{
    /// <summary>The route.</summary>
    public const string Pattern = "/webhooks/gitlab";

    private const string TokenHeader = "X-Gitlab-Token";
    private const string EventHeader = "X-Gitlab-Event";

    /// <summary>Maps the endpoint (it answers 404 while the secret is not set).</summary>
    public static IEndpointRouteBuilder MapGitLabWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Pattern, HandleAsync).WithDisplayName("GitLab webhook");
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        var telemetry = services.GetRequiredService<WebhookTelemetry>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GitLabWebhookEndpoint));
        var request = http.Request;
        var response = http.Response;
        var cancellationToken = http.RequestAborted;
        string? eventName = request.Headers[EventHeader] is { Count: > 0 } events ? events.ToString() : null;

        async Task RefuseAsync(int status, string error, string outcome, string message, TimeSpan? retryAfter = null)
        {
            telemetry.Count(eventName, outcome);
            WebhookLog.Refused(logger, status, message);
            await WebhookResponses.ErrorAsync(response, status, error, message, retryAfter, cancellationToken);
        }

        if (options.Secret is not { } secret)
        {
            await RefuseAsync(StatusCodes.Status404NotFound, "webhooks_off", "off", WebhookMessages.Off);
            return;
        }

        var token = request.Headers[TokenHeader].ToString();
        if (token.Length == 0 || !WebhookToken.Matches(token, secret))
        {
            await RefuseAsync(StatusCodes.Status401Unauthorized, "unauthorized", "unauthorized", token.Length == 0 ? WebhookMessages.MissingToken : WebhookMessages.WrongToken);
            return;
        }

        var queue = services.GetRequiredService<WebhookWorkQueue>();
        if (queue.IsStopped || services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            await RefuseAsync(StatusCodes.Status503ServiceUnavailable, "stopping", "stopping", WebhookMessages.Stopping, options.RetryAfter);
            return;
        }

        // Kestrel's own limit (30 MB) must not cut in before this one, whatever the configured size.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes + 1;
        }

        if (await WebhookBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken) is not { } body)
        {
            await RefuseAsync(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "too_large", WebhookMessages.TooLarge(options.MaxBodyBytes));
            return;
        }

        if (eventName is null)
        {
            await RefuseAsync(StatusCodes.Status400BadRequest, "invalid_payload", "invalid", WebhookMessages.MissingEvent);
            return;
        }

        var (document, problem) = WebhookBody.Parse(body);
        if (document is null)
        {
            await RefuseAsync(StatusCodes.Status400BadRequest, "invalid_payload", "invalid", problem!);
            return;
        }

        var deliveryId = DeliveryId(request);
        WebhookParse parsed;
        using (document)
        {
            parsed = services.GetRequiredService<GitLabWebhookParser>().Parse(eventName, document.RootElement, deliveryId);
        }

        if (parsed.Problem is { } invalid)
        {
            await RefuseAsync(StatusCodes.Status400BadRequest, "invalid_payload", "invalid", invalid);
            return;
        }

        if (parsed.Work is not { } work)
        {
            telemetry.Count(eventName, "ignored");
            WebhookLog.Ignored(logger, eventName, deliveryId, parsed.IgnoredBecause!);
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        await QueueAsync(http, options, queue, work, DeliveryKeys(request, work), eventName, telemetry, logger);
    }

    private static async Task QueueAsync(
        HttpContext http, WebhookOptions options, WebhookWorkQueue queue, WebhookWork work, IReadOnlyList<string> keys, string eventName, WebhookTelemetry telemetry, ILogger logger)
    {
        var cancellationToken = http.RequestAborted;
        var kind = WorkKind.Of(work);
        var ledger = http.RequestServices.GetRequiredService<IDeliveryLedger>();
        if (!await ledger.TryClaimAsync(keys, cancellationToken))
        {
            telemetry.Count(eventName, "duplicate");
            WebhookLog.Duplicate(logger, work.DeliveryId, kind, work.MergeRequestIid, work.ProjectPath);
            await WebhookResponses.AcceptedAsync(http.Response, work, duplicate: true, coalesced: false, cancellationToken);
            return;
        }

        var outcome = queue.Enqueue(new QueuedWork(work, keys));
        if (outcome is EnqueueOutcome.Full or EnqueueOutcome.Stopped)
        {
            // Not done, so not received: GitLab's resend must be taken.
            await ledger.ReleaseAsync(keys, CancellationToken.None);
            telemetry.Count(eventName, outcome == EnqueueOutcome.Full ? "full" : "stopping");
            if (outcome == EnqueueOutcome.Full)
            {
                WebhookLog.Full(logger, options.QueueCapacity, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
            }

            var (error, message) = outcome == EnqueueOutcome.Full ? ("queue_full", WebhookMessages.Full(options.QueueCapacity)) : ("stopping", WebhookMessages.Stopping);
            await WebhookResponses.ErrorAsync(http.Response, StatusCodes.Status503ServiceUnavailable, error, message, options.RetryAfter, cancellationToken);
            return;
        }

        var coalesced = outcome == EnqueueOutcome.Coalesced;
        telemetry.Count(eventName, coalesced ? "coalesced" : "queued");
        if (coalesced)
        {
            WebhookLog.Coalesced(logger, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
        }
        else
        {
            WebhookLog.Queued(logger, kind, work.MergeRequestIid, work.ProjectPath, work.ProjectId, work.DeliveryId);
        }

        await WebhookResponses.AcceptedAsync(http.Response, work, duplicate: false, coalesced, cancellationToken);
    }
}
