using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Agents.Configuration;
using Tributary.Server.Agents;
using Tributary.Server.Health;
using Tributary.Server.Mcp;
using Tributary.Server.Security;
using Tributary.Server.Webhooks;

namespace Tributary.Server.Host;

/// <summary>Wires the host: upstream connections, health endpoints and the MCP endpoint.</summary>
internal static class TributaryHostExtensions
{
    /// <summary>Adds Tributary's core (<see cref="TributaryCoreExtensions.AddTributaryCore"/>: connections, catalog and its sources, GitLab, agents), health checks, the MCP server and the GitLab webhook.</summary>
    public static IServiceCollection AddTributaryHost(this IServiceCollection services, TributaryConfig config, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddTributaryCore(config, readVariable);
        services.AddTributaryHealth(config.Host.Drain);
        services.AddTributaryMcp();
        services.AddTributaryWebhooks(readVariable);
        return services;
    }

    /// <summary>Maps <c>/health</c>, <c>/health/live</c>, <c>/health/ready</c>, <c>/mcp</c>, <c>POST /agents/{name}/runs</c> and <c>POST /webhooks/gitlab</c>.</summary>
    public static IEndpointRouteBuilder MapTributary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTributaryHealth();
        endpoints.MapMcp(TributaryMcpExtensions.Path).RequireTributaryKey().NoteAbandonment();
        endpoints.MapTributaryAgents();
        endpoints.MapTributaryWebhooks();
        return endpoints;
    }
}
