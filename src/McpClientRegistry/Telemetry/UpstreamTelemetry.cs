using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tributary.McpClientRegistry.Telemetry;

/// <summary>
/// The activity source and instruments for calls to upstream MCP servers, every one tagged with
/// <c>mcp.server.name</c>. Register <see cref="SourceName"/> with OpenTelemetry's tracer and meter providers.
/// </summary>
public sealed class UpstreamTelemetry : IDisposable
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string SourceName = "Tributary.McpClientRegistry";

    internal const string ServerTag = "mcp.server.name";
    internal const string MethodTag = "mcp.method.name";
    internal const string TargetTag = "mcp.target";
    internal const string ErrorTag = "error.type";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments through <paramref name="meterFactory"/>, or a private meter when none is given.</summary>
    public UpstreamTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(SourceName) ?? new Meter(SourceName);
        _calls = _meter.CreateCounter<long>("tributary.upstream.calls", "{call}", "Requests sent to upstream MCP servers.");
        _errors = _meter.CreateCounter<long>("tributary.upstream.errors", "{call}", "Upstream requests that failed.");
        _duration = _meter.CreateHistogram<double>("tributary.upstream.duration", "s", "Duration of upstream requests.");
    }

    internal static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the client activity of one upstream request.</summary>
    internal static Activity? StartCall(string server, string method, string? target)
    {
        // Without a listener no activity is made: not even its name is worth building on every call.
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(target is null ? method : $"{method} {target}", ActivityKind.Client);
        activity?.SetTag(ServerTag, server);
        activity?.SetTag(MethodTag, method);
        if (target is not null)
        {
            activity?.SetTag(TargetTag, target);
        }

        return activity;
    }

    /// <summary>Records one finished request; <paramref name="errorType"/> is null on success.</summary>
    internal void Record(string server, string method, TimeSpan elapsed, string? errorType)
    {
        var tags = new TagList { { ServerTag, server }, { MethodTag, method } };
        _calls.Add(1, tags);
        if (errorType is not null)
        {
            tags.Add(ErrorTag, errorType);
            _errors.Add(1, tags);
        }

        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
