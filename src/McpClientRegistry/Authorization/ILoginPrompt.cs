using ModelContextProtocol.Authentication;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// Takes a person through the authorization-code flow: shows (or opens) the authorization URL and receives the
/// code on the redirect URI. Only commands run by a person have one; <c>serve</c> has none and asks for a login instead.
/// </summary>
public interface ILoginPrompt
{
    /// <summary>The redirect URI for a login to <paramref name="server"/>: <paramref name="pinned"/> if the registry sets one.</summary>
    Uri RedirectUriFor(string server, Uri? pinned);

    /// <summary>Shows the authorization URL and waits for the authorization server to redirect back.</summary>
    Task<AuthorizationResult?> AuthorizeAsync(string server, AuthorizationCallbackContext context, CancellationToken cancellationToken);
}
