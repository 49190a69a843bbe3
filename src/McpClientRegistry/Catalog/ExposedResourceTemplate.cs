using ModelContextProtocol.Client;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>An upstream resource template, exposed unchanged.</summary>
public sealed record ExposedResourceTemplate(string ServerName, McpClientResourceTemplate Upstream)
{
    /// <summary>The RFC 6570 URI template.</summary>
    public string UriTemplate => Upstream.UriTemplate;
}
