using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Server.Health;
using Tributary.Server.Limits;
using Tributary.Server.Mcp;
using Tributary.Server.Reload;
using Tributary.Server.Security;
using Tributary.Server.Telemetry;

namespace Tributary.Server.Host;

/// <summary>Builds the ASP.NET Core host behind <c>tributary serve</c>: <c>/mcp</c> and <c>/health</c>.</summary>
internal static class TributaryHost
{
    /// <summary>Builds the host; nothing listens and no upstream is contacted until it starts (and not even then).</summary>
    public static WebApplication Build(TributaryHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Slim: no hosting-startup scanning; the registry file is the configuration.
        var builder = WebApplication.CreateSlimBuilder(WithoutAppSettingsWatch(options.Web));
        builder.WebHost.UseUrls(options.Urls);
        if (options.ConfigureLogging is { } configureLogging)
        {
            configureLogging(builder.Logging);
        }

        builder.Services.AddSingleton(new HealthProbeOptions(options.HealthProbeReuse));
        builder.Services.AddTributaryHost(options.Config, options.ReadVariable);
        builder.Services.AddTributaryReload(options.WatchConfig);
        builder.Services.AddTributarySecurity(options.Urls, options.ReadVariable, options.AllowAnonymous, options.Config.Host.AllowedHosts, options.Config.Host.OAuth);
        builder.Services.AddTributaryLimits(options.ReadVariable);
        builder.AddTributaryTelemetry(options.ReadVariable);

        var app = builder.Build();
        app.UseTributarySecurity(TributaryMcpExtensions.Path);
        app.UseTributaryLimits(TributaryMcpExtensions.Path);
        app.MapTributary();
        return app;
    }

    // The slim builder still reads appsettings.json, and by default watches it, which watches the whole content root
    // (the working directory) and every folder below it: one inotify watch and its bookkeeping per folder, about 2 MB of
    // idle memory started from this repository's root, more from a home directory. The file, if any, is read once.
    private static WebApplicationOptions WithoutAppSettingsWatch(WebApplicationOptions web) => new()
    {
        Args = ["--hostBuilder:reloadConfigOnChange=false", .. web.Args ?? []],
        EnvironmentName = web.EnvironmentName,
        ApplicationName = web.ApplicationName,
        ContentRootPath = web.ContentRootPath,
        WebRootPath = web.WebRootPath,
    };
}
