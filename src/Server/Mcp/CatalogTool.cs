using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.Server.Mcp;

/// <summary>
/// One catalog tool (an upstream's or the GitLab toolkit's) republished at <c>/mcp</c> under its exposed name;
/// description, schemas and annotations are its source's, unchanged.
/// </summary>
internal sealed class CatalogTool : McpServerTool, ICatalogPrimitive
{
    private readonly CatalogToolCall _call;

    /// <summary>Creates the tool for <paramref name="exposed"/>, called through <paramref name="call"/>.</summary>
    public CatalogTool(ExposedTool exposed, CatalogToolCall call)
    {
        Exposed = exposed;
        _call = call;
        var upstream = exposed.Definition;
        ProtocolTool = new Tool
        {
            Name = exposed.Name,
            Title = upstream.Title,
            Description = upstream.Description,
            InputSchema = upstream.InputSchema,
            OutputSchema = upstream.OutputSchema,
            Annotations = upstream.Annotations,
            Icons = upstream.Icons,
            Meta = upstream.Meta,
        };
    }

    /// <summary>The catalog entry this tool republishes.</summary>
    public ExposedTool Exposed { get; }

    /// <inheritdoc />
    public object Entry => Exposed;

    /// <inheritdoc />
    public override Tool ProtocolTool { get; }

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _call.InvokeAsync(Exposed.Name, request, cancellationToken);
}
