using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// Gets an access token with the client credentials grant (machine to machine), which the SDK's OAuth client does not
/// do: finds the authorization server through the server's protected-resource metadata, then asks its token endpoint
/// with the pre-registered client's ID and secret (HTTP Basic, or in the form when the server takes only that).
/// </summary>
internal static class ClientCredentialsGrant
{
    private const string MetadataPath = "/.well-known/oauth-protected-resource";

    public static async Task<string> GetTokenAsync(HttpClient http, McpServerConfig server, ResolvedEndpoint endpoint, CancellationToken cancellationToken)
    {
        var resource = endpoint.Url!;
        var authorizationServer = await FindAuthorizationServerAsync(http, resource, cancellationToken)
            ?? throw new InvalidOperationException($"the server publishes no protected-resource metadata at {MetadataPath} naming its authorization server");
        var (tokenEndpoint, methods) = await FindTokenEndpointAsync(http, authorizationServer, cancellationToken)
            ?? throw new InvalidOperationException($"the authorization server {authorizationServer} publishes no metadata naming its token endpoint");

        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["resource"] = resource.ToString() };
        if (server.Scopes.Count > 0)
        {
            form["scope"] = string.Join(' ', server.Scopes);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenEndpoint);
        bool inForm = methods.Count > 0 && !methods.Contains("client_secret_basic") && methods.Contains("client_secret_post");
        if (endpoint.ClientKey is { } key)
        {
            form["client_id"] = server.ClientId!;
            form["client_assertion_type"] = ClientAssertion.Type;
            form["client_assertion"] = ClientAssertion.Create(server.ClientId!, authorizationServer, key, DateTimeOffset.UtcNow);
        }
        else if (inForm)
        {
            form["client_id"] = server.ClientId!;
            form["client_secret"] = endpoint.ClientSecret ?? string.Empty;
        }
        else
        {
            // RFC 6749 2.3.1: both parts are form-encoded before they are joined.
            string pair = $"{Uri.EscapeDataString(server.ClientId!)}:{Uri.EscapeDataString(endpoint.ClientSecret ?? string.Empty)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await http.SendAsync(request, cancellationToken);
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (!response.IsSuccessStatusCode || !body.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
        {
            // The error code and description are the server's words about the request, never the secret.
            string error = body.RootElement.TryGetProperty("error", out var code) ? code.GetString() ?? "no error code" : "no access_token";
            throw new LoginRequiredException($"the authorization server refused the client credentials ({(int)response.StatusCode}: {error}); check client_id and client_secret_env (or client_key_env)");
        }

        return accessToken;
    }

    private static async Task<(Uri TokenEndpoint, List<string> Methods)?> FindTokenEndpointAsync(HttpClient http, Uri issuer, CancellationToken cancellationToken)
    {
        // RFC 8414 3.1 and OpenID Connect Discovery, path-aware forms first, as the MCP authorization spec lists them.
        string path = issuer.AbsolutePath.TrimEnd('/');
        Uri[] locations = path.Length > 0
            ? [new Uri(issuer, "/.well-known/oauth-authorization-server" + path), new Uri(issuer, "/.well-known/openid-configuration" + path), new Uri(issuer, path + "/.well-known/openid-configuration")]
            : [new Uri(issuer, "/.well-known/oauth-authorization-server"), new Uri(issuer, "/.well-known/openid-configuration")];
        foreach (var location in locations)
        {
            using var response = await http.GetAsync(location, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = document.RootElement;
            if (root.TryGetProperty("token_endpoint", out var endpoint) && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var tokenEndpoint))
            {
                var methods = root.TryGetProperty("token_endpoint_auth_methods_supported", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToList()
                    : [];
                return (tokenEndpoint, methods);
            }
        }

        return null;
    }

    private static async Task<Uri?> FindAuthorizationServerAsync(HttpClient http, Uri resource, CancellationToken cancellationToken)
    {
        // RFC 9728 3.1: the path-aware location first, then the root.
        string path = resource.AbsolutePath.TrimEnd('/');
        var locations = path.Length > 0
            ? new[] { new Uri(resource, MetadataPath + path), new Uri(resource, MetadataPath) }
            : [new Uri(resource, MetadataPath)];
        foreach (var location in locations)
        {
            using var response = await http.GetAsync(location, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (document.RootElement.TryGetProperty("authorization_servers", out var servers)
                && servers.ValueKind == JsonValueKind.Array
                && servers.EnumerateArray().FirstOrDefault().GetString() is { } first
                && Uri.TryCreate(first, UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }
}
