using ModelContextProtocol.Authentication;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// What is kept for one server between runs: the SDK's tokens (with the client they were issued to, so a
/// dynamically registered client can refresh after a restart) and the endpoint they were obtained for.
/// </summary>
internal sealed record StoredTokens
{
    public required string Resource { get; init; }

    public required string TokenType { get; init; }

    public required string AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public int? ExpiresIn { get; init; }

    public string? Scope { get; init; }

    public required DateTimeOffset ObtainedAt { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? TokenEndpointAuthMethod { get; init; }

    public string? AuthorizationServer { get; init; }

    /// <summary>When the access token expires, if the server said.</summary>
    public DateTimeOffset? ExpiresAt => ExpiresIn is { } seconds ? ObtainedAt.AddSeconds(seconds) : null;

    public static StoredTokens From(Uri resource, TokenContainer tokens) => new()
    {
        Resource = resource.ToString(),
        TokenType = tokens.TokenType,
        AccessToken = tokens.AccessToken,
        RefreshToken = tokens.RefreshToken,
        ExpiresIn = tokens.ExpiresIn,
        Scope = tokens.Scope,
        ObtainedAt = tokens.ObtainedAt,
        ClientId = tokens.ClientId,
        ClientSecret = tokens.ClientSecret,
        TokenEndpointAuthMethod = tokens.TokenEndpointAuthMethod,
        AuthorizationServer = tokens.AuthorizationServer,
    };

    /// <summary>
    /// The SDK's form, expiring up to <paramref name="early"/> before the server's time (at most a tenth of the token's
    /// life, so a short-lived token is not refreshed on every call) so the SDK refreshes it ahead of the server.
    /// </summary>
    public TokenContainer ToContainer(TimeSpan early) => new()
    {
        TokenType = TokenType,
        AccessToken = AccessToken,
        RefreshToken = RefreshToken,
        ExpiresIn = ExpiresIn is { } seconds ? seconds - Math.Min((int)early.TotalSeconds, seconds / 10) : null,
        Scope = Scope,
        ObtainedAt = ObtainedAt,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        TokenEndpointAuthMethod = TokenEndpointAuthMethod,
        AuthorizationServer = AuthorizationServer,
    };
}
