using System.Collections.Concurrent;
using ModelContextProtocol.Authentication;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// How connections to <c>auth_type: oauth</c> servers get their tokens: the SDK's OAuth client over a
/// <see cref="TokenStore"/>, and a <see cref="ILoginPrompt"/> when a person is there to log in.
/// Also says, per server, where its authorization stands (for <c>/health</c> and <c>tributary auth status</c>).
/// </summary>
public sealed class UpstreamAuthorization
{
    // The SDK wants a redirect URI even where no login can happen (serve); it is never visited there.
    private static readonly Uri s_noLogin = new("http://127.0.0.1/callback");

    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    /// <summary>Creates the authorization over <paramref name="store"/>; without <paramref name="prompt"/> nobody can log in.</summary>
    public UpstreamAuthorization(TokenStore store, ILoginPrompt? prompt = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Prompt = prompt;
    }

    /// <summary>Where tokens are kept.</summary>
    public TokenStore Store { get; }

    /// <summary>Who logs in, if anyone.</summary>
    public ILoginPrompt? Prompt { get; }

    /// <summary>The text a server that needs login is "not configured" with.</summary>
    public static string NeedsLoginText(string server) => $"needs login: run `tributary auth login {server}`";

    /// <summary>
    /// Where <paramref name="server"/>'s authorization stands: <c>needs login</c>, <c>authorized (expires ...)</c>,
    /// <c>refresh failed (reason)</c>; <see langword="null"/> for a server without OAuth.
    /// </summary>
    public string? Describe(McpServerConfig server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.AuthType != McpAuthKind.OAuth)
        {
            return null;
        }

        if (server.Grant == OAuthGrant.ClientCredentials)
        {
            return _failures.TryGetValue(server.Name, out var refused) ? refused : "client credentials (no login)";
        }

        if (_failures.TryGetValue(server.Name, out var failure))
        {
            return failure;
        }

        if (Store.Load(server.Name) is not { } tokens)
        {
            return "needs login";
        }

        return tokens.ExpiresAt is { } expires ? $"authorized (expires {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)" : "authorized (no expiry)";
    }

    /// <summary>Fails before any request when a login is needed and nobody is there to log in.</summary>
    internal void EnsureCanConnect(McpServerConfig server)
    {
        if (server.AuthType == McpAuthKind.OAuth && server.Grant == OAuthGrant.AuthorizationCode && Prompt is null && Store.Load(server.Name) is null)
        {
            _failures.TryRemove(server.Name, out _);
            throw new LoginRequiredException(NeedsLoginText(server.Name));
        }
    }

    /// <summary>Records why client credentials were refused, for <see cref="Describe"/>.</summary>
    internal void RecordFailure(string server, string state) => _failures[server] = state;

    /// <summary>Clears a recorded failure once a token was obtained.</summary>
    internal void RecordSuccess(string server) => _failures.TryRemove(server, out _);

    /// <summary>The SDK's OAuth options for an authorization-code server.</summary>
    internal ClientOAuthOptions CreateOptions(McpServerConfig server, ResolvedEndpoint endpoint) => new()
    {
        RedirectUri = Prompt?.RedirectUriFor(server.Name, server.RedirectUri) ?? server.RedirectUri ?? s_noLogin,
        ClientId = server.ClientId,
        ClientSecret = endpoint.ClientSecret,
        ClientMetadataDocumentUri = server.ClientMetadataUrl,
        Scopes = server.Scopes.Count > 0 ? server.Scopes : null,
        TokenCache = new ServerTokenCache(Store, server.Name, endpoint.Url!, RecordSuccess),
        AuthorizationCallbackHandler = (context, cancellationToken) =>
            Prompt is { } prompt ? prompt.AuthorizeAsync(server.Name, context, cancellationToken) : Refuse(server.Name),
        DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "Tributary" },
    };

    // Reached in serve only when stored tokens were refused and could not be refreshed.
    private Task<AuthorizationResult?> Refuse(string server)
    {
        var stored = Store.Load(server);

        // The authorization server refused them: the tokens are of no use any more, and `auth status` should say so.
        Store.Forget(server);
        bool expired = stored?.ExpiresAt is { } at && at <= DateTimeOffset.UtcNow + ServerTokenCache.RefreshAhead;
        if (expired && stored?.RefreshToken is { Length: > 0 })
        {
            _failures[server] = "refresh failed (the authorization server refused the refresh token)";
            throw new LoginRequiredException($"refreshing the expired token failed: run `tributary auth login {server}`");
        }

        _failures[server] = "needs login";
        throw new LoginRequiredException($"needs login: the server refused the stored token; run `tributary auth login {server}`");
    }
}
