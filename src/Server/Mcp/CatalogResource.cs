using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>One upstream resource republished at <c>/mcp</c> under its own URI, unchanged.</summary>
internal sealed class CatalogResource : McpServerResource, ICatalogPrimitive
{
    private readonly McpCatalog _catalog;

    /// <summary>Creates the resource for <paramref name="exposed"/>, read through <paramref name="catalog"/>.</summary>
    public CatalogResource(ExposedResource exposed, McpCatalog catalog)
    {
        Exposed = exposed;
        _catalog = catalog;
        ProtocolResource = exposed.Definition;
        ProtocolResourceTemplate = new ResourceTemplate
        {
            UriTemplate = ProtocolResource.Uri,
            Name = ProtocolResource.Name,
            Title = ProtocolResource.Title,
            Description = ProtocolResource.Description,
            MimeType = ProtocolResource.MimeType,
            Annotations = ProtocolResource.Annotations,
            Icons = ProtocolResource.Icons,
            Meta = ProtocolResource.Meta,
        };
    }

    /// <summary>The catalog entry this resource republishes.</summary>
    public ExposedResource Exposed { get; }

    /// <inheritdoc />
    public object Entry => Exposed;

    /// <inheritdoc />
    public override ResourceTemplate ProtocolResourceTemplate { get; }

    /// <inheritdoc />
    public override Resource ProtocolResource { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public override bool IsMatch(string uri) => string.Equals(uri, Exposed.Uri, StringComparison.Ordinal);

    /// <inheritdoc />
    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
        CatalogResourceRead.ReadAsync(_catalog, request, cancellationToken);
}
