using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Agents;
using Tributary.Agents.Configuration;
using Tributary.McpClientRegistry;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Host;

/// <summary>The one composition root of Tributary's own objects, shared by <c>serve</c> and every command.</summary>
internal static class TributaryCoreExtensions
{
    /// <summary>
    /// Adds the connection manager, the catalog and its sources (the registry's servers and the GitLab toolkit), the
    /// GitLab client and cache, the chat models and the agents for <paramref name="config"/>, reading <c>${VAR}</c>s and
    /// secrets through <paramref name="readVariable"/>. Needs logging registered; the host adds its endpoints on top.
    /// </summary>
    public static IServiceCollection AddTributaryCore(this IServiceCollection services, TributaryConfig config, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton(new EndpointResolver(readVariable));

        // OAuth tokens live in the user's data directory (TRIBUTARY_DATA_DIR moves it); nothing is created there
        // until an auth_type: oauth server first reads or stores a token.
        services.TryAddSingleton(_ => TokenStore.InDirectory(DataDirectory.Resolve(readVariable)));
        services.AddMcpClientRegistry(config.Registry);
        services.AddTributaryGitLab(config, readVariable);
        services.AddTributaryAgents(config, readVariable);
        return services;
    }
}
