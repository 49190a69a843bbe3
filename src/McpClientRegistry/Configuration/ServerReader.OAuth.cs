namespace Tributary.McpClientRegistry.Configuration;

/// <summary>Readers of the <c>auth_type: oauth</c> settings, and the rules between them.</summary>
internal sealed partial class ServerReader
{
    private static readonly string[] OAuthFields = ["grant", "client_id", "client_secret_env", "client_key_env", "client_metadata_url", "scopes", "redirect_uri"];
    private static readonly string[] GrantNames = ["authorization_code", "client_credentials"];

    private OAuthGrant ReadGrant()
    {
        if (fields.Text("grant") is not { } text)
        {
            return OAuthGrant.AuthorizationCode;
        }

        switch (text)
        {
            case "authorization_code":
                return OAuthGrant.AuthorizationCode;
            case "client_credentials":
                return OAuthGrant.ClientCredentials;
            default:
                string hint = DidYouMean.Suggest(text, GrantNames) is { } near ? $"did you mean '{near}'? " : string.Empty;
                fields.Problem("grant", $"unknown grant '{text}'; {hint}use authorization_code (the default: log in once with 'tributary auth login') or client_credentials (machine to machine)");
                return OAuthGrant.AuthorizationCode;
        }
    }

    private string? ReadClientId()
    {
        string? id = fields.Text("client_id");
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            fields.Problem("client_id", "is empty; give the client ID the authorization server issued, or remove the line to register dynamically");
        }

        return id;
    }

    private List<string> ReadScopes()
    {
        var scopes = new List<string>();
        foreach (var (text, node) in fields.TextList("scopes", "[read, write]") ?? [])
        {
            if (text.Any(char.IsWhiteSpace))
            {
                fields.Problem(node, "scopes", $"'{text}' holds a space; write one scope per item, e.g. 'scopes: [read, write]'");
                continue;
            }

            scopes.Add(text);
        }

        return scopes;
    }

    private Uri? ReadClientMetadataUrl()
    {
        if (fields.HttpUrl("client_metadata_url", "https://tributary.example.com/oauth/client.json") is not { } uri)
        {
            return null;
        }

        // The document's URL is the client ID; the spec wants HTTPS and a path, so the server can fetch it safely.
        if (uri.Scheme != Uri.UriSchemeHttps || uri.AbsolutePath.Length <= 1)
        {
            fields.Problem("client_metadata_url", "must be an https:// URL with a path, e.g. 'https://tributary.example.com/oauth/client.json', where Tributary's client ID metadata document is served");
            return null;
        }

        return uri;
    }

    private Uri? ReadRedirectUri()
    {
        if (fields.HttpUrl("redirect_uri", "http://127.0.0.1:33418/callback") is not { } uri)
        {
            return null;
        }

        // The login receives the code itself, so the redirect must come back to this machine on a fixed port.
        if (uri.Scheme != Uri.UriSchemeHttp || !uri.IsLoopback || uri.IsDefaultPort)
        {
            fields.Problem("redirect_uri", "must be a loopback http:// URL with a port, e.g. 'http://127.0.0.1:33418/callback', where 'tributary auth login' receives the code");
            return null;
        }

        return uri;
    }

    private void CheckOAuth(McpAuthKind? auth, McpServerConfig server)
    {
        if (auth is not { } kind)
        {
            return;
        }

        if (kind != McpAuthKind.OAuth)
        {
            foreach (string field in OAuthFields)
            {
                if (fields.Key(field) is { } key)
                {
                    fields.Problem(key, field, $"applies only to auth_type 'oauth', but auth_type is '{KindNames.Of(kind)}'; set 'auth_type: oauth' or remove it");
                }
            }

            return;
        }

        if (server.Grant != OAuthGrant.ClientCredentials)
        {
            if (fields.Key("client_key_env") is { } keyKey)
            {
                fields.Problem(keyKey, "client_key_env", "signs client assertions of grant 'client_credentials' only; set 'grant: client_credentials' or remove it");
            }

            return;
        }

        var grantNode = fields.Node("grant") ?? nameNode;
        if (string.IsNullOrWhiteSpace(server.ClientId) && fields.Node("client_id") is null)
        {
            fields.Problem(grantNode, "client_id",
                "is missing; grant 'client_credentials' needs the pre-registered client's ID, e.g. 'client_id: tributary'");
        }

        if (server.ClientSecretEnv is null && server.ClientKeyEnv is null && fields.Node("client_secret_env") is null && fields.Node("client_key_env") is null)
        {
            fields.Problem(grantNode, "client_secret_env",
                "is missing; grant 'client_credentials' needs the NAME of the environment variable that holds the client secret, e.g. 'client_secret_env: LINEAR_CLIENT_SECRET' (or 'client_key_env:' for a private key)");
        }

        if (fields.Key("client_metadata_url") is { } metadataKey)
        {
            fields.Problem(metadataKey, "client_metadata_url", "is used only by the login of grant 'authorization_code'; remove it for 'client_credentials'");
        }

        if (server.RedirectUri is not null && fields.Key("redirect_uri") is { } redirectKey)
        {
            fields.Problem(redirectKey, "redirect_uri", "is used only by the login of grant 'authorization_code'; remove it for 'client_credentials'");
        }
    }
}
