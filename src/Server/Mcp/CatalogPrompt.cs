using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>One upstream prompt republished at <c>/mcp</c> under its exposed name; arguments and description unchanged.</summary>
internal sealed class CatalogPrompt : McpServerPrompt, ICatalogPrimitive
{
    private readonly McpCatalog _catalog;

    /// <summary>Creates the prompt for <paramref name="exposed"/>, routed through <paramref name="catalog"/>.</summary>
    public CatalogPrompt(ExposedPrompt exposed, McpCatalog catalog)
    {
        Exposed = exposed;
        _catalog = catalog;
        var upstream = exposed.Definition;
        ProtocolPrompt = new Prompt
        {
            Name = exposed.Name,
            Title = upstream.Title,
            Description = upstream.Description,
            Arguments = upstream.Arguments,
            Icons = upstream.Icons,
            Meta = upstream.Meta,
        };
    }

    /// <summary>The catalog entry this prompt republishes.</summary>
    public ExposedPrompt Exposed { get; }

    /// <inheritdoc />
    public object Entry => Exposed;

    /// <inheritdoc />
    public override Prompt ProtocolPrompt { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default) =>
        CatalogPromptGet.GetAsync(_catalog, Exposed.Name, request, cancellationToken);
}
