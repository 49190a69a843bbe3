using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Agents;

/// <summary>Wires the GitLab client, the shared cache and the built-in GitLab toolset.</summary>
public static class TributaryGitLabServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GitLabClient"/> (a named <see cref="HttpClient"/> with the standard resilience handler:
    /// retries with backoff on 5xx, 408 and 429 honouring <c>Retry-After</c>, a per-attempt timeout of
    /// <c>gitlab.timeout</c>, a circuit breaker), <see cref="HybridCache"/> (in memory, and in Redis when
    /// <c>cache.redis</c> or <c>REDIS_URL</c> gives one), the <see cref="GitLabToolset"/>, <see cref="GitLabResources"/>
    /// and the toolkit as the catalog's <c>gitlab</c> source (<see cref="GitLabCatalogSource"/>, registered as an <see cref="ICatalogSource"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="config">The loaded configuration (its <c>gitlab</c> and <c>cache</c> sections are used).</param>
    /// <param name="readVariable">Reads environment variables: the token, and <c>${VAR}</c> in <c>cache.redis</c>.</param>
    public static IServiceCollection AddTributaryGitLab(this IServiceCollection services, TributaryConfig config, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(readVariable);
        var connection = new GitLabConnection(config.GitLab, readVariable);
        services.AddSingleton(connection);
        services.AddTributaryCache(config.Cache, readVariable);

        services.AddHttpClient(GitLabClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options => ConfigureResilience(options, connection.Timeout));

        services.AddSingleton(provider => new GitLabClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            connection,
            provider.GetRequiredService<HybridCache>(),
            provider.GetRequiredService<ILogger<GitLabClient>>()));
        services.AddSingleton(provider => new GitLabToolset(GitLabTools.Create(provider.GetRequiredService<GitLabClient>())));
        services.AddSingleton(provider => new GitLabResources(provider.GetRequiredService<GitLabClient>()));
        services.AddSingleton(provider => new GitLabCatalogSource(
            provider.GetRequiredService<GitLabToolset>(),
            provider.GetRequiredService<GitLabResources>(),
            provider.GetRequiredService<GitLabClient>(),
            config));
        services.AddSingleton<ICatalogSource>(provider => provider.GetRequiredService<GitLabCatalogSource>());
        return services;
    }

    /// <summary>
    /// Adds <see cref="HybridCache"/> once: in memory, backed by Redis (<see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>)
    /// when <paramref name="cache"/> names one after expanding its variables.
    /// </summary>
    public static IServiceCollection AddTributaryCache(this IServiceCollection services, CacheConfig cache, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(readVariable);
        if (services.Any(service => service.ServiceType == typeof(HybridCache)))
        {
            return services;
        }

        if (ExpandRedis(cache, readVariable) is { } redis)
        {
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = RedisConnection.ToConfiguration(redis);
                options.InstanceName = "tributary:";
            });
        }

        services.AddHybridCache();
        return services;
    }

    // An unset variable means no Redis: with none configured everything stays in one process, as documented.
    private static string? ExpandRedis(CacheConfig cache, Func<string, string?> readVariable)
    {
        if (cache.Redis is not { } template || VariableTemplate.TryParse(template, out var parts) is not null)
        {
            return null;
        }

        string? value = VariableTemplate.Expand(parts, readVariable, out _);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions options, TimeSpan timeout)
    {
        options.AttemptTimeout.Timeout = timeout;
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.ShouldRetryAfterHeader = true;

        // A comment or an issue GitLab may already have created is not sent again.
        options.Retry.DisableForUnsafeHttpMethods();

        // Room for every attempt and the backoff between them; the breaker samples at least two attempts' worth.
        options.TotalRequestTimeout.Timeout = (timeout * (options.Retry.MaxRetryAttempts + 1)) + TimeSpan.FromSeconds(30);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, timeout.Ticks * 2));
    }
}
