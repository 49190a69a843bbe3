using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>Wires the MCP endpoint that republishes the merged catalog.</summary>
internal static class TributaryMcpExtensions
{
    /// <summary>Where the MCP endpoint is mapped.</summary>
    public const string Path = "/mcp";

    /// <summary>
    /// Adds the MCP server (streamable HTTP, stateful sessions so <c>list_changed</c> reaches clients)
    /// with the catalog's tools. Needs <see cref="McpCatalog"/> registered.
    /// </summary>
    public static IServiceCollection AddTributaryMcp(this IServiceCollection services)
    {
        services.AddSingleton<CatalogToolSync>();
        services.AddMcpServer()
            .WithHttpTransport(http => http.SessionMode = HttpServerSessionMode.Stateful);
        services.AddOptions<McpServerOptions>().Configure<CatalogToolSync, McpCatalog>(Configure);
        return services;
    }

    private static void Configure(McpServerOptions options, CatalogToolSync sync, McpCatalog catalog)
    {
        options.ServerInfo = new Implementation { Name = "tributary", Version = Version };
        options.ToolCollection = sync.Tools;

        // Nothing connects at start-up: the first listing loads the catalog, and a call to a name not
        // listed yet (a client that skipped tools/list) is routed through the catalog, which connects on a miss.
        options.Filters.Request.ListToolsFilters.Add(next => async (request, cancellationToken) =>
        {
            await sync.LoadAsync(cancellationToken);
            return await next(request, cancellationToken);
        });
        options.Handlers.CallToolHandler = (request, cancellationToken) =>
            CatalogToolCall.InvokeAsync(catalog, request.Params?.Name ?? string.Empty, request, cancellationToken);
    }

    private static string Version { get; } =
        typeof(TributaryMcpExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
