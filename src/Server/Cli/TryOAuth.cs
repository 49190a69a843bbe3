using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Cli;

/// <summary>The OAuth options of <c>tributary servers try</c>, as the registry's <c>auth_type: oauth</c> fields would give them.</summary>
/// <param name="Grant"><c>authorization_code</c> or <c>client_credentials</c>.</param>
/// <param name="ClientId">A pre-registered client ID, if any.</param>
/// <param name="ClientSecretEnv">The variable holding the client's secret, if any.</param>
/// <param name="Scopes">The scopes to ask for; empty for those the server names.</param>
/// <param name="OpenWith">The command that opens the authorization URL, if any.</param>
/// <param name="ClientKeyEnv">The variable holding the PEM key that signs client assertions, if any.</param>
/// <param name="ClientMetadataUrl">The URL of the client ID metadata document, if any.</param>
internal sealed record TryOAuth(
    string Grant,
    string? ClientId,
    string? ClientSecretEnv,
    IReadOnlyList<string> Scopes,
    string? OpenWith,
    string? ClientKeyEnv = null,
    string? ClientMetadataUrl = null)
{
    /// <summary>The grant names the options accept.</summary>
    public static readonly string[] GrantNames = ["authorization_code", "client_credentials"];

    /// <summary>Whether the grant is the machine-to-machine one.</summary>
    public bool IsClientCredentials => Grant == "client_credentials";

    /// <summary>What is wrong with the options, or <see langword="null"/>.</summary>
    public string? Problem()
    {
        if ((ClientSecretEnv is not null && !IsVariableName(ClientSecretEnv)) || (ClientKeyEnv is not null && !IsVariableName(ClientKeyEnv)))
        {
            return "--client-secret-env and --client-key-env take the NAME of the environment variable that holds the secret, not the secret";
        }

        if (ClientMetadataUrl is not null && (!Uri.TryCreate(ClientMetadataUrl, UriKind.Absolute, out var metadata) || metadata.Scheme != Uri.UriSchemeHttps))
        {
            return "--client-metadata-url must be an https:// URL";
        }

        return IsClientCredentials && (ClientId is null || (ClientSecretEnv is null && ClientKeyEnv is null))
            ? "--grant client_credentials needs --client-id and --client-secret-env (or --client-key-env)"
            : null;
    }

    private static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary><paramref name="server"/> with these options; an authorization-code login gets time for a person to approve.</summary>
    public McpServerConfig Apply(McpServerConfig server)
    {
        var configured = server with
        {
            Grant = IsClientCredentials ? OAuthGrant.ClientCredentials : OAuthGrant.AuthorizationCode,
            ClientId = ClientId,
            ClientSecretEnv = ClientSecretEnv,
            ClientKeyEnv = ClientKeyEnv,
            ClientMetadataUrl = ClientMetadataUrl is null ? null : new Uri(ClientMetadataUrl),
            Scopes = Scopes,
        };
        return IsClientCredentials ? configured : AuthLoginCommand.ForLogin(configured);
    }
}
