using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>
/// Routes <c>completion/complete</c> to the server that owns the referenced prompt (asked under its original
/// name) or resource template (whose URI template is unchanged).
/// </summary>
internal sealed class CatalogCompletion(CatalogSync sync, McpCatalog catalog, McpConnectionManager manager)
{
    /// <summary>Asks the owning server for completions; an unknown reference is an invalid-params error.</summary>
    public async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params ?? throw new McpProtocolException("completion/complete needs params", McpErrorCode.InvalidParams);
        var target = Find(catalog.Current, parameters.Ref);
        if (target is null)
        {
            // The client may not have listed yet: load the catalog once before giving up.
            await sync.LoadAsync(cancellationToken);
            target = Find(catalog.Current, parameters.Ref)
                ?? throw new McpProtocolException($"no prompt or resource template matches the completion reference {Describe(parameters.Ref)}", McpErrorCode.InvalidParams);
        }

        var (serverName, reference, name) = target.Value;
        var upstreamParams = new CompleteRequestParams { Ref = reference, Argument = parameters.Argument, Context = parameters.Context };
        try
        {
            return await manager.InvokeAsync(
                serverName,
                RequestMethods.CompletionComplete,
                name,
                (client, token) => client.CompleteAsync(upstreamParams, token).AsTask(),
                cancellationToken);
        }
        catch (UpstreamException e)
        {
            throw UpstreamErrors.ToMcp(e, McpErrorCode.InvalidParams);
        }
    }

    private static (string ServerName, Reference Reference, string Name)? Find(CatalogSnapshot snapshot, Reference reference) => reference switch
    {
        PromptReference prompt when snapshot.FindPrompt(prompt.Name) is { } exposed =>
            (exposed.ServerName, new PromptReference { Name = exposed.OriginalName }, exposed.OriginalName),
        ResourceTemplateReference template when snapshot.ResourceTemplates.FirstOrDefault(t => t.UriTemplate == template.Uri) is { } exposed =>
            (exposed.ServerName, new ResourceTemplateReference { Uri = exposed.UriTemplate }, exposed.UriTemplate),
        _ => null,
    };

    private static string Describe(Reference reference) => reference switch
    {
        PromptReference prompt => $"prompt '{prompt.Name}'",
        ResourceTemplateReference template => $"resource template '{template.Uri}'",
        _ => $"of type '{reference.Type}'",
    };
}
