using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>A source's tool under the name Tributary exposes it by.</summary>
/// <param name="Name">The exposed name, unique in the catalog.</param>
/// <param name="ServerName">The name of the catalog source that owns it (a registry server, or <c>gitlab</c>).</param>
/// <param name="Definition">The tool as its source lists it (original name, description, schemas and annotations).</param>
public sealed record ExposedTool(string Name, string ServerName, Tool Definition)
{
    /// <summary>The tool's name on its own source.</summary>
    public string OriginalName => Definition.Name;

    /// <summary>Whether <c>/mcp</c> serves it; an unpublished tool is for Tributary's agents and command line only.</summary>
    public bool Published { get; init; } = true;
}
