using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>A source's resource template, exposed unchanged.</summary>
public sealed record ExposedResourceTemplate(string ServerName, ResourceTemplate Definition)
{
    /// <summary>The RFC 6570 URI template.</summary>
    public string UriTemplate => Definition.UriTemplate;
}
