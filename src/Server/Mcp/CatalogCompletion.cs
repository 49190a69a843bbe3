using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>
/// Routes <c>completion/complete</c> through the catalog to the source that owns the referenced prompt (asked under
/// its original name) or resource template (whose URI template is unchanged).
/// </summary>
internal sealed class CatalogCompletion(CatalogSync sync, McpCatalog catalog)
{
    /// <summary>Asks the owning source for completions; an unknown reference is an invalid-params error.</summary>
    public async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params ?? throw new McpProtocolException("completion/complete needs params", McpErrorCode.InvalidParams);
        var completing = catalog.CompleteAsync(parameters, cancellationToken);
        if (completing is null)
        {
            // The client may not have listed yet: load the catalog once before giving up.
            await sync.LoadAsync(cancellationToken);
            completing = catalog.CompleteAsync(parameters, cancellationToken)
                ?? throw new McpProtocolException($"no prompt or resource template matches the completion reference {Describe(parameters.Ref)}", McpErrorCode.InvalidParams);
        }

        try
        {
            return await completing;
        }
        catch (UpstreamException e)
        {
            throw UpstreamErrors.ToMcp(e, McpErrorCode.InvalidParams);
        }
    }

    private static string Describe(Reference reference) => reference switch
    {
        PromptReference prompt => $"prompt '{prompt.Name}'",
        ResourceTemplateReference template => $"resource template '{template.Uri}'",
        _ => $"of type '{reference.Type}'",
    };
}
