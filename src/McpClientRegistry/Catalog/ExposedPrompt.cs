using ModelContextProtocol.Client;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>An upstream prompt under the name Tributary exposes it by (same naming rule as tools).</summary>
public sealed record ExposedPrompt(string Name, string ServerName, McpClientPrompt Upstream)
{
    /// <summary>The prompt's name on its own server.</summary>
    public string OriginalName => Upstream.ProtocolPrompt.Name;
}
