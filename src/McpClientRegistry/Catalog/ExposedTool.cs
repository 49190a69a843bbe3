using ModelContextProtocol.Client;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>An upstream tool under the name Tributary exposes it by.</summary>
/// <param name="Name">The exposed name, unique in the catalog.</param>
/// <param name="ServerName">The registry name of the server that owns it.</param>
/// <param name="Upstream">The tool as its server listed it (original name, description and schemas).</param>
public sealed record ExposedTool(string Name, string ServerName, McpClientTool Upstream)
{
    /// <summary>The tool's name on its own server.</summary>
    public string OriginalName => Upstream.ProtocolTool.Name;
}
