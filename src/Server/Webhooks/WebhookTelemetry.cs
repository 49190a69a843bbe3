using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tributary.Server.Webhooks;

/// <summary>
/// The meter <see cref="MeterName"/> with <c>tributary.webhook.deliveries</c>: GitLab deliveries counted by
/// <c>gitlab.event</c> (the <c>X-Gitlab-Event</c> Tributary acts on, <c>other</c>, or <c>none</c>) and <c>outcome</c>.
/// </summary>
internal sealed class WebhookTelemetry : IDisposable
{
    /// <summary>The meter's name, registered with OpenTelemetry's meter provider.</summary>
    public const string MeterName = "Tributary.Server.Webhooks";

    /// <summary>The counter's name.</summary>
    public const string DeliveriesName = "tributary.webhook.deliveries";

    private readonly Meter _meter;
    private readonly Counter<long> _deliveries;

    /// <summary>Creates the counter through <paramref name="meterFactory"/>.</summary>
    public WebhookTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _deliveries = _meter.CreateCounter<long>(DeliveriesName, "{delivery}", "GitLab webhook deliveries, by event and outcome.");
    }

    /// <summary>
    /// Counts one delivery of <paramref name="gitLabEvent"/> that ended in <paramref name="outcome"/>: <c>queued</c>,
    /// <c>coalesced</c>, <c>duplicate</c>, <c>ignored</c>, <c>invalid</c>, <c>unauthorized</c>, <c>too_large</c>,
    /// <c>full</c>, <c>stopping</c> or <c>off</c>.
    /// </summary>
    public void Count(string? gitLabEvent, string outcome) =>
        _deliveries.Add(1, new TagList { { "gitlab.event", Event(gitLabEvent) }, { "outcome", outcome } });

    // Anyone can send any header before the token is checked; only known values become tag values.
    private static string Event(string? gitLabEvent) => gitLabEvent switch
    {
        null or "" => "none",
        GitLabWebhookParser.MergeRequestHook or GitLabWebhookParser.NoteHook => gitLabEvent,
        _ => "other",
    };

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
