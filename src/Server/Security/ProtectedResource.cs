using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Authentication;
using Tributary.Agents.Configuration;
using Tributary.Server.Mcp;

namespace Tributary.Server.Security;

/// <summary>
/// <c>/mcp</c> as an OAuth protected resource (RFC 9728): its identifier, where its metadata is, and the metadata.
/// The identifier is <c>host.oauth.resource</c> when set, else <c>{scheme}://{host}/mcp</c> of the request.
/// </summary>
internal static class ProtectedResource
{
    /// <summary>The well-known path of protected-resource metadata; the resource's own path follows it.</summary>
    public const string WellKnownPath = "/.well-known/oauth-protected-resource";

    /// <summary>The protected resource's path.</summary>
    public static PathString McpPath { get; } = new(TributaryMcpExtensions.Path);

    /// <summary>The two paths the metadata is served at: path-suffixed for <c>/mcp</c> (tried first by clients), and the root.</summary>
    public static bool IsMetadataPath(PathString path) =>
        path == new PathString(WellKnownPath) || path == new PathString(WellKnownPath).Add(McpPath);

    /// <summary>The resource identifier for a request.</summary>
    public static string Identifier(HttpRequest request, HostOAuthConfig oauth)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(oauth);
        return oauth.Resource is { } resource
            ? resource.OriginalString
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}{McpPath}";
    }

    /// <summary>The metadata's URL, as a <c>WWW-Authenticate</c> header's <c>resource_metadata</c> names it.</summary>
    public static string MetadataUrl(HttpRequest request, HostOAuthConfig oauth)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(oauth);
        if (oauth.Resource is { } resource)
        {
            return $"{resource.GetLeftPart(UriPartial.Authority)}{WellKnownPath}{resource.AbsolutePath.TrimEnd('/')}";
        }

        return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}{WellKnownPath}{McpPath}";
    }

    /// <summary>The metadata document for a request.</summary>
    public static ProtectedResourceMetadata Metadata(HttpRequest request, HostOAuthConfig oauth)
    {
        ArgumentNullException.ThrowIfNull(oauth);
        return new ProtectedResourceMetadata
        {
            Resource = Identifier(request, oauth),
            AuthorizationServers = [oauth.Authority.OriginalString],
            ScopesSupported = [.. new[] { oauth.ReadScope, oauth.WriteScope }.OfType<string>()],
            BearerMethodsSupported = ["header"],
            ResourceName = "Tributary",
        };
    }
}
