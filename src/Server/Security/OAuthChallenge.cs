using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Security;

/// <summary>
/// The 401 and 403 answers under <c>host.oauth</c>: a <c>WWW-Authenticate: Bearer</c> header naming the
/// protected-resource metadata (so an MCP client can discover where to log in), the RFC 6750 error where there is
/// one, and a JSON body saying what to do.
/// </summary>
internal static class OAuthChallenge
{
    /// <summary>Answers 401: no token (<paramref name="failure"/> is <see langword="null"/>), or one that failed validation.</summary>
    public static Task UnauthorizedAsync(HttpContext context, HostOAuthConfig oauth, Exception? failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? reason = failure is null ? null : Describe(failure);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = Header(context.Request, oauth, oauth.ReadScope, reason is null ? null : ("invalid_token", reason));
        return SecurityErrorResponse.WriteAsync(
            context.Response, StatusCodes.Status401Unauthorized, reason is null ? "unauthorized" : "invalid_token",
            reason is null ? OAuthMessages.Missing : OAuthMessages.Rejected(reason), context.RequestAborted);
    }

    /// <summary>Answers 403 for a token without <paramref name="scope"/>, which <paramref name="what"/> needs.</summary>
    public static Task InsufficientScopeAsync(HttpContext context, HostOAuthConfig oauth, string scope, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers[HeaderNames.WWWAuthenticate] =
            Header(context.Request, oauth, scope, ("insufficient_scope", $"the access token lacks the scope '{scope}'"));
        return SecurityErrorResponse.WriteAsync(
            context.Response, StatusCodes.Status403Forbidden, "insufficient_scope", OAuthMessages.MissingScope(what, scope), context.RequestAborted);
    }

    /// <summary>The <c>WWW-Authenticate</c> value: <c>Bearer resource_metadata="...", scope="...", error="...", error_description="..."</c>.</summary>
    public static string Header(HttpRequest request, HostOAuthConfig oauth, string? scope, (string Code, string Description)? error)
    {
        var header = new StringBuilder("Bearer resource_metadata=\"").Append(ProtectedResource.MetadataUrl(request, oauth)).Append('"');
        if (scope is not null)
        {
            header.Append(", scope=\"").Append(scope).Append('"');
        }

        if (error is { } found)
        {
            header.Append(", error=\"").Append(found.Code).Append("\", error_description=\"").Append(found.Description).Append('"');
        }

        return header.ToString();
    }

    // The validator's own messages name claims and keys; these say only what kind of problem it is.
    private static string Describe(Exception failure) => failure switch
    {
        AggregateException { InnerExceptions.Count: > 0 } all => Describe(all.InnerExceptions[0]),
        SecurityTokenExpiredException => OAuthMessages.Expired,
        SecurityTokenInvalidAudienceException => OAuthMessages.WrongAudience,
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => OAuthMessages.BadSignature,
        SecurityTokenInvalidIssuerException => OAuthMessages.WrongIssuer,
        _ => OAuthMessages.Invalid,
    };
}
