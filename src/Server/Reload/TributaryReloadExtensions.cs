using Microsoft.Extensions.DependencyInjection;
using Tributary.Server.Health;

namespace Tributary.Server.Reload;

/// <summary>Wires live reconfiguration: the reloader, its monitor (file changes, <c>SIGHUP</c>) and its <c>/health</c> entry.</summary>
internal static class TributaryReloadExtensions
{
    /// <summary>Adds the reload; file changes start one when <paramref name="watchFiles"/> is set, <c>SIGHUP</c> always does.</summary>
    public static IServiceCollection AddTributaryReload(this IServiceCollection services, bool watchFiles)
    {
        services.AddSingleton(new ConfigReloadOptions(watchFiles));
        services.AddSingleton<ConfigReloader>();
        services.AddSingleton<ConfigReloadMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<ConfigReloadMonitor>());
        services.AddHealthChecks()
            .AddCheck<ReloadHealthCheck>(ReloadHealthCheck.Name, tags: [TributaryHealthExtensions.ReportTag, TributaryHealthExtensions.ProbeTag]);
        return services;
    }
}
