using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>Wires the MCP endpoint that republishes the merged catalog.</summary>
internal static class TributaryMcpExtensions
{
    /// <summary>Where the MCP endpoint is mapped.</summary>
    public const string Path = "/mcp";

    /// <summary>
    /// Adds the MCP server (streamable HTTP: stateful sessions for clients that initialize (2025-11-25 and
    /// earlier), so <c>list_changed</c> reaches them, and 2026-07-28 clients served per request without a session
    /// on the same endpoint; plus the legacy HTTP+SSE transport at <c>/mcp/sse</c> and <c>/mcp/message</c> for old clients)
    /// with the catalog's tools, prompts, resources and resource templates, and completions routed to
    /// their sources (the upstreams and the GitLab toolkit alike). Needs <see cref="McpCatalog"/>,
    /// <see cref="McpConnectionManager"/> and the GitLab services (<c>AddTributaryGitLab</c>) registered.
    /// </summary>
    public static IServiceCollection AddTributaryMcp(this IServiceCollection services)
    {
        services.AddSingleton<CatalogSync>();
        services.AddSingleton<CatalogCompletion>();
        services.AddHostedService<UpstreamLogForwarder>();
        services.AddSingleton<DownstreamSessions>();
        services.AddSingleton<ResourceSubscriptions>();
        services.AddSingleton<BridgedCalls>();
        services.AddSingleton<CatalogToolCall>();
        services.AddMcpServer()
            .WithHttpTransport(http =>
            {
                // Stateful alone would refuse 2026-07-28 requests (-32022), which have no sessions by definition.
                http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9004 // Old clients only speak HTTP+SSE (2024-11-05); the same key, host and origin checks guard it.
                http.EnableLegacySse = true;
#pragma warning restore MCP9004
            });
#pragma warning disable MCPEXP002 // The only hook that sees a stateful session start and end, which resource updates need; it also runs once per 2026-07-28 request.
        services.AddOptions<HttpServerTransportOptions>().Configure<DownstreamSessions>((http, sessions) =>
            http.RunSessionHandler = (_, server, cancellationToken) => sessions.RunSessionAsync(server, cancellationToken));
#pragma warning restore MCPEXP002
        services.AddTransient<IConfigureOptions<McpServerOptions>, TributaryMcpOptions>();
        return services;
    }
}
