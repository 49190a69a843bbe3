using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.Agents.Configuration;

/// <summary>Reads <c>host.oauth</c>: <c>authority</c> and <c>audience</c> (required), <c>resource</c>, and <c>scopes: { read, write }</c>.</summary>
internal static class HostOAuthConfigReader
{
    /// <summary>The field's name under <c>host</c>.</summary>
    public const string Field = "oauth";

    /// <summary>The fields of <c>host.oauth</c>.</summary>
    internal static readonly IReadOnlyList<string> Fields = ["authority", "audience", "resource", "scopes"];

    /// <summary>The fields of <c>host.oauth.scopes</c>.</summary>
    internal static readonly IReadOnlyList<string> ScopeFields = ["read", "write"];

    private const string Example = "oauth: { authority: https://login.example.com/realms/team, audience: api://tributary }";

    /// <summary>The <c>oauth</c> settings of the <c>host</c> section <paramref name="host"/>, or <see langword="null"/> when absent or invalid (reported).</summary>
    public static HostOAuthConfig? Read(MappingReader host)
    {
        if (host.Node(Field) is not { } node || YamlNodes.IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            host.Problem(Field, $"must be a mapping of settings, but it is {YamlNodes.Describe(node)}; write e.g. '{Example}'");
            return null;
        }

        // A missing field is reported at the 'oauth:' key, where it belongs.
        var anchor = host.Key(Field) ?? node;
        var oauth = host.Nested(Field, map, Fields);
        var authority = ReadAuthority(oauth, anchor);
        var audience = oauth.Text("audience");
        if (string.IsNullOrWhiteSpace(audience))
        {
            oauth.Problem(oauth.Node("audience") ?? anchor, "audience", "is missing or empty; write the audience the issuer puts in access tokens for Tributary, e.g. 'audience: api://tributary'");
        }

        var resource = oauth.HttpUrl("resource", "https://tributary.example.com/mcp");
        var (read, write) = ReadScopes(oauth);
        return authority is null || string.IsNullOrWhiteSpace(audience) ? null
            : new HostOAuthConfig { Authority = authority, Audience = audience, Resource = resource, ReadScope = read, WriteScope = write };
    }

    private static Uri? ReadAuthority(MappingReader oauth, YamlNode section)
    {
        if (string.IsNullOrWhiteSpace(oauth.Text("authority")))
        {
            oauth.Problem(oauth.Node("authority") ?? section, "authority", "is missing or empty; write the issuer's URL, e.g. 'authority: https://login.example.com/realms/team'");
            return null;
        }

        var authority = oauth.HttpUrl("authority", "https://login.example.com/realms/team");
        if (authority is not null && !OAuthAuthority.IsAllowed(authority))
        {
            oauth.Problem("authority", $"'{authority}' must use https://, as its signing keys are fetched from it; http:// is accepted only for an issuer on this machine (localhost, 127.0.0.1, [::1])");
            return null;
        }

        return authority;
    }

    private static (string? Read, string? Write) ReadScopes(MappingReader oauth)
    {
        if (oauth.Node("scopes") is not { } node || YamlNodes.IsNull(node))
        {
            return (null, null);
        }

        if (node is not YamlMappingNode map)
        {
            oauth.Problem("scopes", $"must be a mapping with 'read' and/or 'write', e.g. 'scopes: {{ read: tributary.read, write: tributary.write }}', but it is {YamlNodes.Describe(node)}");
            return (null, null);
        }

        var scopes = oauth.Nested("scopes", map, ScopeFields);
        return (Scope(scopes, "read"), Scope(scopes, "write"));
    }

    private static string? Scope(MappingReader scopes, string field)
    {
        var scope = scopes.Text(field);
        if (string.IsNullOrEmpty(scope))
        {
            return null;
        }

        // A token's 'scope' claim is a space-separated list, so a name with a space could never be granted.
        if (scope.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\'))
        {
            scopes.Problem(field, $"'{scope}' is not one scope; write a single scope name without spaces or quotes, e.g. '{field}: tributary.{field}'");
            return null;
        }

        return scope;
    }
}
