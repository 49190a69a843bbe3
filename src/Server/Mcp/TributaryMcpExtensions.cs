using System.Reflection;
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
    /// Adds the MCP server (streamable HTTP, stateful sessions so <c>list_changed</c> reaches clients, plus the
    /// legacy HTTP+SSE transport at <c>/mcp/sse</c> and <c>/mcp/message</c> for old clients)
    /// with the catalog's tools, prompts, resources and resource templates, and completions routed to
    /// their servers, beside the built-in GitLab tools, resource templates and prompts. Needs <see cref="McpCatalog"/>,
    /// <see cref="McpConnectionManager"/> and the GitLab services (<c>AddTributaryGitLab</c>) registered.
    /// </summary>
    public static IServiceCollection AddTributaryMcp(this IServiceCollection services)
    {
        services.AddSingleton<GitLabMcpPrimitives>();
        services.AddSingleton<CatalogSync>();
        services.AddSingleton<CatalogCompletion>();
        services.AddSingleton<UpstreamLogForwarder>();
        services.AddSingleton<DownstreamCalls>();
        services.AddSingleton<CatalogToolCall>();
        services.AddSingleton<CallingClientRelay>();
        services.AddHttpContextAccessor(); // DownstreamRequest: a call whose POST is abandoned is cancelled upstream.
        services.AddMcpServer()
            .WithHttpTransport(http =>
            {
                http.SessionMode = HttpServerSessionMode.Stateful;
#pragma warning disable MCP9004 // Old clients only speak HTTP+SSE (2024-11-05); the same key, host and origin checks guard it.
                http.EnableLegacySse = true;
#pragma warning restore MCP9004
            });
#pragma warning disable MCPEXP002 // The only hook that sees a stateful session start and end, which log forwarding needs.
        services.AddOptions<HttpServerTransportOptions>().Configure<UpstreamLogForwarder>((http, forwarder) =>
            http.RunSessionHandler = (_, server, cancellationToken) => forwarder.RunSessionAsync(server, cancellationToken));
#pragma warning restore MCPEXP002
        services.AddOptions<McpServerOptions>().Configure<CatalogSync, McpCatalog, CatalogCompletion, CatalogToolCall, CallingClientRelay>(Configure);
        return services;
    }

    private static void Configure(McpServerOptions options, CatalogSync sync, McpCatalog catalog, CatalogCompletion completion, CatalogToolCall toolCall, CallingClientRelay relay)
    {
        options.ServerInfo = new Implementation { Name = "tributary", Version = Version };

        // Resolving the relay is what creates it: its constructor makes it where upstream clients send their requests.
        _ = relay;

        // Set even while empty: the SDK then declares the capabilities (with listChanged) at initialize,
        // so clients that check them list what servers connected later bring.
        options.ToolCollection = sync.Tools;
        options.PromptCollection = sync.Prompts;
        options.ResourceCollection = sync.Resources;

        // tools/list is answered from a listing serialized once per change, after the same loading as below.
        options.Filters.Message.IncomingFilters.Add(sync.ToolList.Filter(sync.LoadAsync));

        // Nothing connects at start-up: the first listing loads the catalog, and a request for a name not
        // listed yet (a client that skipped the listing) is routed through the catalog, which connects on a miss.
        var filters = options.Filters.Request;
        filters.ListToolsFilters.Add(sync.LoadFirst<ListToolsRequestParams, ListToolsResult>());
        filters.ListPromptsFilters.Add(sync.LoadFirst<ListPromptsRequestParams, ListPromptsResult>());
        filters.ListResourcesFilters.Add(sync.LoadFirst<ListResourcesRequestParams, ListResourcesResult>());
        filters.ListResourceTemplatesFilters.Add(sync.LoadFirst<ListResourceTemplatesRequestParams, ListResourceTemplatesResult>());
        options.Handlers.CallToolHandler = (request, cancellationToken) =>
            toolCall.InvokeAsync(request.Params?.Name ?? string.Empty, request, cancellationToken);
        options.Handlers.GetPromptHandler = (request, cancellationToken) =>
            CatalogPromptGet.GetAsync(catalog, request.Params?.Name ?? string.Empty, request, cancellationToken);
        options.Handlers.ReadResourceHandler = (request, cancellationToken) =>
            CatalogResourceRead.ReadAsync(catalog, request, cancellationToken);
        options.Handlers.CompleteHandler = completion.CompleteAsync;
    }

    private static string Version { get; } =
        typeof(TributaryMcpExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
