using System.Security.Claims;

namespace Tributary.Server.Security;

/// <summary>Who a caller is: the subject of its access token (with the key, everyone is <c>key</c>; without one, <c>local</c>).</summary>
internal static class CallerIdentity
{
    /// <summary>
    /// The caller's subject: the claim the MCP SDK binds sessions to (<see cref="ClaimTypes.NameIdentifier"/>, else
    /// <c>sub</c>, else <see cref="ClaimTypes.Upn"/>), or <see langword="null"/> when not authenticated.
    /// </summary>
    public static Claim? SubjectClaim(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? user.FindFirst(ClaimTypes.NameIdentifier) ?? user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.Upn)
            : null;

    /// <summary>The caller's subject as text, or <see langword="null"/>.</summary>
    public static string? Subject(ClaimsPrincipal? user) => SubjectClaim(user)?.Value;

    /// <summary>
    /// The owner a session is bound to: issuer and subject, so the same subject from another issuer is someone else;
    /// <see langword="null"/> when not authenticated.
    /// </summary>
    public static string? Owner(ClaimsPrincipal? user) =>
        SubjectClaim(user) is { } claim ? $"{claim.Issuer}\n{claim.Value}" : null;
}
