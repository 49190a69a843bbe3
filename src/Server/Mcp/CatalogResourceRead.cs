using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>Sends one <c>resources/read</c> from a client of <c>/mcp</c> through the catalog to the server owning the URI.</summary>
internal static class CatalogResourceRead
{
    /// <summary>Reads the requested URI; an upstream failure is a JSON-RPC error naming the server.</summary>
    public static async ValueTask<ReadResourceResult> ReadAsync(McpCatalog catalog, RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/read needs a uri", McpErrorCode.InvalidParams);
        try
        {
            return await catalog.ReadResourceAsync(uri, cancellationToken);
        }
        catch (UpstreamException e)
        {
            throw UpstreamErrors.ToMcp(e, McpErrorCode.ResourceNotFound);
        }
    }
}
