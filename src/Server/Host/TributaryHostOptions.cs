using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Host;

/// <summary>What <see cref="TributaryHost.Build"/> needs: the configuration, where to listen, and how to log.</summary>
internal sealed record TributaryHostOptions
{
    /// <summary>The address the host listens on unless told otherwise: loopback only, as the design asks.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8420";

    /// <summary>The environment variable naming the listen addresses when <c>--urls</c> is not given.</summary>
    public const string UrlsVariable = "TRIBUTARY_URLS";

    /// <summary>The loaded, valid configuration.</summary>
    public required TributaryConfig Config { get; init; }

    /// <summary>The listen addresses, separated by <c>;</c> (ASP.NET's <c>urls</c> format).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Whether to serve beyond loopback without a key (<c>--allow-anonymous</c>) instead of refusing to start.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>
    /// Whether a change to <c>tributary.yml</c> or an agent file reloads the configuration (<c>SIGHUP</c> always does);
    /// <c>tributary serve</c> turns it on.
    /// </summary>
    public bool WatchConfig { get; init; }

    /// <summary>How long a <c>/health?probe=true</c> result answers further probes; tests that watch state change between probes set zero.</summary>
    public TimeSpan HealthProbeReuse { get; init; } = Health.HealthProbe.ReuseFor;

    /// <summary>Reads environment variables: the registry's <c>${VAR}</c> values, the host's settings and <c>OTEL_*</c>.</summary>
    public Func<string, string?> ReadVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>ASP.NET's host settings (environment, content root, application name); its defaults unless given.</summary>
    public WebApplicationOptions Web { get; init; } = new() { Args = [] };

    /// <summary>Replaces the default console logging (tests send logs to their output).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
