using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>A source's resource; its URI is exposed unchanged, so links inside content keep working.</summary>
public sealed record ExposedResource(string ServerName, Resource Definition)
{
    /// <summary>The resource URI.</summary>
    public string Uri => Definition.Uri;
}
