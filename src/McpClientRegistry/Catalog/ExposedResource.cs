using ModelContextProtocol.Client;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>An upstream resource; its URI is exposed unchanged, so links inside content keep working.</summary>
public sealed record ExposedResource(string ServerName, McpClientResource Upstream)
{
    /// <summary>The resource URI.</summary>
    public string Uri => Upstream.Uri;
}
