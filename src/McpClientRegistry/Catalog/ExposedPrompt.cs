using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>A source's prompt under the name Tributary exposes it by (same naming rule as tools).</summary>
public sealed record ExposedPrompt(string Name, string ServerName, Prompt Definition)
{
    /// <summary>The prompt's name on its own source.</summary>
    public string OriginalName => Definition.Name;
}
