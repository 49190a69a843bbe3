using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed partial class RegistryConfigLoaderTests
{
    [Fact]
    public void Parse_OAuthServer_ReadsEveryField()
    {
        var result = RegistryConfigLoader.Parse(
            "mcp_servers:\n  linear:\n    url: https://mcp.linear.app/mcp\n    auth_type: oauth\n    client_id: tributary-ci\n    client_secret_env: LINEAR_CLIENT_SECRET\n    scopes: [read, write]\n    redirect_uri: http://127.0.0.1:33418/callback\n    client_metadata_url: https://tributary.example.com/oauth/client.json\n",
            File);

        Assert.Empty(result.Errors);
        var server = Assert.Single(result.Config!.Servers);
        Assert.Equal(McpAuthKind.OAuth, server.AuthType);
        Assert.Equal(OAuthGrant.AuthorizationCode, server.Grant);
        Assert.Equal("tributary-ci", server.ClientId);
        Assert.Equal("LINEAR_CLIENT_SECRET", server.ClientSecretEnv);
        Assert.Equal(["read", "write"], server.Scopes);
        Assert.Equal(new Uri("http://127.0.0.1:33418/callback"), server.RedirectUri);
        Assert.Equal(new Uri("https://tributary.example.com/oauth/client.json"), server.ClientMetadataUrl);
    }

    [Fact]
    public void Parse_MisspeltGrant_SuggestsClosest()
    {
        string error = Error("mcp_servers:\n  linear:\n    url: https://mcp.linear.app/mcp\n    auth_type: oauth\n    grant: client_credential\n");

        Assert.Equal("tributary.yml:5:12: mcp_servers.linear.grant: unknown grant 'client_credential'; did you mean 'client_credentials'? use authorization_code (the default: log in once with 'tributary auth login') or client_credentials (machine to machine)", error);
    }

    [Fact]
    public void Parse_ClientCredentialsWithoutClient_NamesBothMissingFields()
    {
        string[] errors = Errors("mcp_servers:\n  sentry:\n    url: https://mcp.sentry.dev/mcp\n    auth_type: oauth\n    grant: client_credentials\n");

        Assert.Equal(
            [
                "tributary.yml:5:12: mcp_servers.sentry.client_id: is missing; grant 'client_credentials' needs the pre-registered client's ID, e.g. 'client_id: tributary'",
                "tributary.yml:5:12: mcp_servers.sentry.client_secret_env: is missing; grant 'client_credentials' needs the NAME of the environment variable that holds the client secret, e.g. 'client_secret_env: LINEAR_CLIENT_SECRET' (or 'client_key_env:' for a private key)",
            ],
            errors);
    }

    [Fact]
    public void Parse_OAuthFieldWithBearer_SaysItAppliesOnlyToOAuth()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    auth_type: bearer\n    auth_token_env: DOCS_TOKEN\n    scopes: [read]\n");

        Assert.Equal("tributary.yml:6:5: mcp_servers.docs.scopes: applies only to auth_type 'oauth', but auth_type is 'bearer'; set 'auth_type: oauth' or remove it", error);
    }

    [Fact]
    public void Parse_SecretPastedIntoClientSecretEnv_DoesNotQuoteIt()
    {
        string error = Error("mcp_servers:\n  linear:\n    url: https://mcp.linear.app/mcp\n    auth_type: oauth\n    client_id: tributary\n    client_secret_env: lin-s3cr3t-value\n");

        Assert.DoesNotContain("lin-s3cr3t-value", error, StringComparison.Ordinal);
        Assert.Equal("tributary.yml:6:24: mcp_servers.linear.client_secret_env: must be the name of an environment variable (letters, digits and '_', not starting with a digit), not its value; export the secret and write e.g. 'client_secret_env: LINEAR_CLIENT_SECRET'", error);
    }

    [Fact]
    public void Parse_RedirectNotOnLoopback_AsksForALoopbackPort()
    {
        string error = Error("mcp_servers:\n  linear:\n    url: https://mcp.linear.app/mcp\n    auth_type: oauth\n    redirect_uri: https://tributary.example.com/callback\n");

        Assert.Equal("tributary.yml:5:19: mcp_servers.linear.redirect_uri: must be a loopback http:// URL with a port, e.g. 'http://127.0.0.1:33418/callback', where 'tributary auth login' receives the code", error);
    }
}
