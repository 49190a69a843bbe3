using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tributary.Agents.Kernel;
using Tributary.McpClientRegistry.Telemetry;
using Tributary.Server.Webhooks;

namespace Tributary.Server.Telemetry;

/// <summary>
/// Wires OpenTelemetry: traces and metrics of ASP.NET Core (the host only), HttpClient, the upstream calls
/// (<see cref="UpstreamTelemetry.SourceName"/>) and the agents and reviews (<see cref="AgentTelemetry.SourceName"/>),
/// exported over OTLP, only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, with the registry's secrets taken out of
/// every span (<see cref="SecretRedactingProcessor"/>).
/// </summary>
internal static class TributaryTelemetryExtensions
{
    /// <summary>The service name every exported span and metric carries.</summary>
    public const string ServiceName = "tributary";

    /// <summary>The variable that switches telemetry on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // The OpenTelemetry SDK reads its standard variables through IConfiguration; these are copied there from
    // the host's variable source, so they work however the host reads variables (the tests set them without
    // touching the process environment). OTEL_SERVICE_NAME is not among them: the service is always "tributary".
    private static readonly string[] s_variables =
    [
        EndpointVariable,
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_EXPORTER_OTLP_TIMEOUT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL",
        "OTEL_EXPORTER_OTLP_TRACES_HEADERS",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL",
        "OTEL_EXPORTER_OTLP_METRICS_HEADERS",
        "OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE",
        "OTEL_METRIC_EXPORT_INTERVAL",
        "OTEL_METRIC_EXPORT_TIMEOUT",
        "OTEL_BSP_SCHEDULE_DELAY",
        "OTEL_BSP_MAX_QUEUE_SIZE",
        "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
        "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_TRACES_SAMPLER",
        "OTEL_TRACES_SAMPLER_ARG",
    ];

    /// <summary>
    /// Adds OpenTelemetry tracing and metrics with the OTLP exporter when <paramref name="readVariable"/> gives
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: what <see cref="AddTributaryTelemetry(IServiceCollection, IConfigurationBuilder, Func{string, string?})"/>
    /// adds, and ASP.NET Core's requests. Registers nothing otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddTributaryTelemetry(this IHostApplicationBuilder builder, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(readVariable);
        if (IsOn(readVariable))
        {
            AddHostExport(builder, readVariable);
        }

        return builder;
    }

    /// <summary>
    /// What the host and the commands that run without it (<c>tributary review</c>) export when <paramref name="readVariable"/>
    /// gives <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: outgoing HttpClient requests, the upstream calls
    /// (<see cref="UpstreamTelemetry.SourceName"/>) and the agent runs, tool calls and reviews (<see cref="AgentTelemetry.SourceName"/>),
    /// over OTLP, as service <see cref="ServiceName"/>. The standard <c>OTEL_*</c> variables are copied into
    /// <paramref name="configuration"/>, where the OpenTelemetry SDK reads them.
    /// </summary>
    /// <returns>The builder to add more to, or <see langword="null"/> when telemetry is off and nothing was registered.</returns>
    public static OpenTelemetryBuilder? AddTributaryTelemetry(this IServiceCollection services, IConfigurationBuilder configuration, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(readVariable);
        return IsOn(readVariable) ? AddExport(services, configuration, readVariable) : null;
    }

    private static bool IsOn(Func<string, string?> readVariable) => !string.IsNullOrWhiteSpace(readVariable(EndpointVariable));

    // The OpenTelemetry SDK is named only in the methods below, which run only when telemetry is on: the runtime loads
    // an assembly when it compiles a method that names one of its types, and a host that exports nothing should not
    // carry the SDK's assemblies, types and compiled code in its idle memory.
    private static void AddHostExport(IHostApplicationBuilder builder, Func<string, string?> readVariable) =>
        AddExport(builder.Services, builder.Configuration, readVariable)
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());

    private static OpenTelemetryBuilder AddExport(IServiceCollection services, IConfigurationBuilder configuration, Func<string, string?> readVariable)
    {
        configuration.AddInMemoryCollection(
            s_variables.Select(name => KeyValuePair.Create(name, readVariable(name))).Where(v => !string.IsNullOrWhiteSpace(v.Value)));
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TributaryTelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddHttpClientInstrumentation()
                .AddSource(UpstreamTelemetry.SourceName, AgentTelemetry.SourceName)

                // Before the exporter, which reads the span after every processor ahead of it has seen it.
                .AddProcessor(provider => new SecretRedactingProcessor(provider))
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddHttpClientInstrumentation()
                .AddMeter(UpstreamTelemetry.SourceName, AgentTelemetry.SourceName, WebhookTelemetry.MeterName)
                .AddOtlpExporter());
    }
}
