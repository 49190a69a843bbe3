using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Tributary.Server.Telemetry;

/// <summary>
/// OpenTelemetry for a command that runs without the host (<c>tributary review</c>, <c>tributary agents run</c>): the host's wiring, started when
/// the command's services are built and flushed when they are disposed, so a short process exports before it exits.
/// </summary>
internal static class CommandTelemetryExtensions
{
    /// <summary>
    /// Adds the host's telemetry (<see cref="TributaryTelemetryExtensions.AddTributaryTelemetry(IServiceCollection, IConfigurationBuilder, Func{string, string?})"/>)
    /// to a command's services when <paramref name="readVariable"/> gives <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; nothing otherwise.
    /// </summary>
    public static IServiceCollection AddCommandTelemetry(this IServiceCollection services, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = new ConfigurationManager();
        if (services.AddTributaryTelemetry(configuration, readVariable) is not null)
        {
            // The last registration wins over the SDK's fallback (which reads the process environment), so the exporter
            // reads the variables the command was given.
            services.AddSingleton<IConfiguration>(configuration);
        }

        return services;
    }

    /// <summary>
    /// Starts the tracer and meter providers, if telemetry is on. The host starts them with a hosted service; a command has
    /// none, and a provider not yet created would miss the command's activities. Disposing <paramref name="services"/> flushes them.
    /// </summary>
    public static void StartCommandTelemetry(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
    }
}
