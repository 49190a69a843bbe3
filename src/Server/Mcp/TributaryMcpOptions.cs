using System.Reflection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>
/// The MCP server behind <c>/mcp</c>: the catalog's collections and the handlers that route what is not in them
/// (calls, prompts, reads, subscriptions, completions) to the owning upstream.
/// </summary>
internal sealed class TributaryMcpOptions(
    CatalogSync sync,
    McpCatalog catalog,
    CatalogCompletion completion,
    CatalogToolCall toolCall,
    ResourceSubscriptions subscriptions) : IConfigureOptions<McpServerOptions>
{
    private static string Version { get; } =
        typeof(TributaryMcpOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <inheritdoc />
    public void Configure(McpServerOptions options)
    {
        options.ServerInfo = new Implementation { Name = "tributary", Version = Version };

        // Set even while empty: the SDK then declares the capabilities (with listChanged) at initialize,
        // so clients that check them list what servers connected later bring.
        options.ToolCollection = sync.Tools;
        options.PromptCollection = sync.Prompts;
        options.ResourceCollection = sync.Resources;
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Resources = new ResourcesCapability { Subscribe = true };

        // A request with params of the wrong shape is answered before anything reads them.
        options.Filters.Message.IncomingFilters.Add(ParamsShapeFilter.Filter);

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
        options.Handlers.SubscribeToResourcesHandler = subscriptions.SubscribeAsync;
        options.Handlers.UnsubscribeFromResourcesHandler = subscriptions.UnsubscribeAsync;
        options.Handlers.CompleteHandler = completion.CompleteAsync;
    }
}
