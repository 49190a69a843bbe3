using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Server.Webhooks;
using Tributary.TestSupport.GitLabWebhooks;

namespace Tributary.Server.Tests.Webhooks;

public sealed class WebhookTelemetryTests
{
    [Fact]
    public async Task Count_Deliveries_CountedByEventAndOutcome()
    {
        await using var host = new WebhookFactory(new RecordingWorkHandler());
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests' hosts have the same meter; this host's meters are scoped to its factory.
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == WebhookTelemetry.MeterName && instrument.Name == WebhookTelemetry.DeliveriesName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var tag = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            lock (counted)
            {
                counted.Add($"{tag["gitlab.event"]}/{tag["outcome"]}={value}");
            }
        });
        listener.Start();

        using var queued = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "e-1");
        using var duplicate = await host.PostFixtureAsync(GitLabWebhookParser.MergeRequestHook, GitLabWebhookFixtures.MergeRequestUpdateWithOldrev, "e-1");
        using var ignored = await host.PostFixtureAsync(GitLabWebhookParser.NoteHook, GitLabWebhookFixtures.NoteOnIssue, "e-2");
        using var unauthorized = await host.PostAsync("Anything Hook", "{}", "e-3", token: "wrong");

        lock (counted)
        {
            Assert.Equal(
                ["Merge Request Hook/queued=1", "Merge Request Hook/duplicate=1", "Note Hook/ignored=1", "other/unauthorized=1"],
                counted);
        }
    }
}
