namespace Tributary.McpClientRegistry.Configuration;

/// <summary>How Tributary obtains an access token for an <c>auth_type: oauth</c> server.</summary>
public enum OAuthGrant
{
    /// <summary>A person approves once with <c>tributary auth login</c>; the token is stored and refreshed (<c>authorization_code</c>, the default).</summary>
    AuthorizationCode,

    /// <summary>Machine to machine with the pre-registered client's own credentials; no login (<c>client_credentials</c>).</summary>
    ClientCredentials,
}
