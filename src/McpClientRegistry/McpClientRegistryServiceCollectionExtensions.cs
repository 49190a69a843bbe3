using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Telemetry;

namespace Tributary.McpClientRegistry;

/// <summary>Registers the connection manager and the merged catalog.</summary>
public static class McpClientRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="McpConnectionManager"/> and <see cref="McpCatalog"/> (singletons) for
    /// <paramref name="registry"/>, with <see cref="UpstreamTelemetry"/>, the process environment
    /// as the source of <c>${VAR}</c> values and <see cref="TimeProvider.System"/> unless already registered.
    /// </summary>
    public static IServiceCollection AddMcpClientRegistry(this IServiceCollection services, RegistryConfig registry)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(EndpointResolver.FromEnvironment);
        services.TryAddSingleton(sp => new UpstreamTelemetry(sp.GetService<IMeterFactory>()));
        // Created lazily by the store: only an oauth server's first token touches the user's data directory.
        services.TryAddSingleton(_ => TokenStore.InDirectory(DataDirectory.Resolve(Environment.GetEnvironmentVariable)));
        services.TryAddSingleton(sp => new UpstreamAuthorization(sp.GetRequiredService<TokenStore>()));
        services.TryAddSingleton(sp => new McpConnectionManager(
            registry,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<EndpointResolver>(),
            sp.GetRequiredService<UpstreamTelemetry>(),
            sp.GetRequiredService<UpstreamAuthorization>()));
        services.TryAddSingleton<McpCatalog>();
        return services;
    }
}
