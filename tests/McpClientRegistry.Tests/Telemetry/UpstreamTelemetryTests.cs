using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Telemetry;
using Tributary.McpClientRegistry.Tests.Connections;

namespace Tributary.McpClientRegistry.Tests.Telemetry;

public sealed class UpstreamTelemetryTests
{
    private const string Server = "telemetry-probe";

    [Fact]
    public async Task CallTool_SuccessAndFailure_TracedAndMeasuredPerServer()
    {
        var token = TestContext.Current.CancellationToken;
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == UpstreamTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("mcp.server.name"), Server))
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Error)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == UpstreamTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags, measurements));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags, measurements));
        meterListener.Start();

        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream(Server).WithEcho().WithHangingTool());
        // Long enough that the first echo (connect and JIT included) never times out on a loaded machine; only the hang does.
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http(Server) with { Timeout = TimeSpan.FromSeconds(2) });
        await using var _ = manager;

        await catalog.CallToolAsync($"{Server}__echo", new Dictionary<string, object?> { ["message"] = "hi" }, CallContext.None, token);
        await Assert.ThrowsAsync<UpstreamException>(() => catalog.CallToolAsync($"{Server}__hang", null, CallContext.None, token));

        Assert.Equal(["tools/call echo", "tools/call hang"], activities.Select(a => a.DisplayName));
        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Error], activities.Select(a => a.Status));
        Assert.All(activities, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "tributary.upstream.calls"));
        Assert.Equal("Timeout", Assert.Single(measurements, m => m.Instrument == "tributary.upstream.errors").Error);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "tributary.upstream.duration" && m.Value > 0));
    }

    private static void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, ConcurrentQueue<(string, double, string?)> into)
        where T : struct
    {
        string? server = null;
        string? error = null;
        foreach (var tag in tags)
        {
            server = tag.Key == "mcp.server.name" ? tag.Value as string : server;
            error = tag.Key == "error.type" ? tag.Value as string : error;
        }

        if (server == Server)
        {
            into.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), error));
        }
    }
}
