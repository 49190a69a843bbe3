using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>Sends one <c>prompts/get</c> from a client of <c>/mcp</c> through the catalog to the prompt's server.</summary>
internal static class CatalogPromptGet
{
    /// <summary>Gets the prompt exposed as <paramref name="name"/>; an upstream failure is a JSON-RPC error naming the server.</summary>
    public static async ValueTask<GetPromptResult> GetAsync(McpCatalog catalog, string name, RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.GetPromptAsync(name, Arguments(request.Params?.Arguments), cancellationToken);
        }
        catch (UpstreamException e)
        {
            throw UpstreamErrors.ToMcp(e, McpErrorCode.InvalidParams);
        }
    }

    // Values stay JsonElements: the upstream client serializes them as they came.
    private static Dictionary<string, object?>? Arguments(IDictionary<string, JsonElement>? arguments) =>
        arguments?.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
}
