using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Chat;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;
using Tributary.Agents.Kernel;
using Tributary.Agents.Models;
using Tributary.Agents.Repository;
using Tributary.Agents.Review;
using Tributary.Agents.Runs;
using Tributary.McpClientRegistry;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Agents;

/// <summary>Wires the agents: chat services per model, kernels per run, repository overrides, the runner, the merge request reviewer and the mention responder.</summary>
public static class TributaryAgentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AgentRunner"/> and what it needs, with the MCP registry and the GitLab client unless already added.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="config">The loaded configuration (its models and agents).</param>
    /// <param name="readVariable">Reads environment variables: API keys, the GitLab token.</param>
    public static IServiceCollection AddTributaryAgents(this IServiceCollection services, TributaryConfig config, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(readVariable);
        services.TryAddSingleton(config);
        services.TryAddSingleton(provider => new TributaryConfigProvider(provider.GetRequiredService<TributaryConfig>()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMcpClientRegistry(config.Registry);
        if (!services.Any(service => service.ServiceType == typeof(GitLabToolset)))
        {
            services.AddTributaryGitLab(config, readVariable);
        }

        services.TryAddSingleton(provider => new ChatServiceFactory(readVariable, provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(provider => new AgentKernelFactory(
            provider.GetRequiredService<McpConnectionManager>(),
            provider.GetRequiredService<McpCatalog>(),
            provider.GetRequiredService<GitLabCatalogSource>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(provider => new RepositoryOverrideProvider(
            provider.GetRequiredService<GitLabClient>(),
            provider.GetRequiredService<HybridCache>(),
            provider.GetRequiredService<TributaryConfigProvider>(),
            provider.GetRequiredService<ILogger<RepositoryOverrideProvider>>()));
        services.TryAddSingleton(provider => new AgentRunner(
            provider.GetRequiredService<TributaryConfigProvider>(),
            provider.GetRequiredService<AgentKernelFactory>(),
            provider.GetRequiredService<ChatServiceFactory>(),
            provider.GetRequiredService<RepositoryOverrideProvider>(),
            provider.GetRequiredService<GitLabClient>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AgentRunner>>()));
        services.TryAddSingleton(provider => new MergeRequestReviewer(
            provider.GetRequiredService<GitLabClient>(),
            provider.GetRequiredService<AgentRunner>(),
            provider.GetRequiredService<RepositoryOverrideProvider>(),
            provider.GetRequiredService<ILogger<MergeRequestReviewer>>()));
        services.TryAddSingleton(provider => new MentionResponder(
            provider.GetRequiredService<GitLabClient>(),
            provider.GetRequiredService<AgentRunner>(),
            provider.GetRequiredService<HybridCache>(),
            provider.GetRequiredService<ILogger<MentionResponder>>()));
        return services;
    }
}
