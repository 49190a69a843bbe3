using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>One upstream resource template republished at <c>/mcp</c>, unchanged.</summary>
internal sealed class CatalogResourceTemplate : McpServerResource, ICatalogPrimitive
{
    private readonly McpCatalog _catalog;
    private readonly string _literalPrefix;

    /// <summary>Creates the template for <paramref name="exposed"/>, read through <paramref name="catalog"/>.</summary>
    public CatalogResourceTemplate(ExposedResourceTemplate exposed, McpCatalog catalog)
    {
        Exposed = exposed;
        _catalog = catalog;
        ProtocolResourceTemplate = exposed.Definition;
        var brace = exposed.UriTemplate.IndexOf('{', StringComparison.Ordinal);
        _literalPrefix = brace < 0 ? exposed.UriTemplate : exposed.UriTemplate[..brace];
    }

    /// <summary>The catalog entry this template republishes.</summary>
    public ExposedResourceTemplate Exposed { get; }

    /// <inheritdoc />
    public object Entry => Exposed;

    /// <inheritdoc />
    public override ResourceTemplate ProtocolResourceTemplate { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    // A coarse match is enough: the read goes through the catalog, which picks the owning server itself.
    public override bool IsMatch(string uri) =>
        _literalPrefix.Length > 0 && uri.StartsWith(_literalPrefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
        CatalogResourceRead.ReadAsync(_catalog, request, cancellationToken);
}
