using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Tributary.Server.Security;

/// <summary>
/// Answers a caller whose token lacks a scope with 403 <c>insufficient_scope</c>, naming the scope (the default
/// would answer a bare 403); every other outcome goes to ASP.NET's default handling.
/// </summary>
internal sealed class ScopeRefusalHandler(SecurityOptions security) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <inheritdoc />
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && security.OAuth is { } oauth
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().FirstOrDefault() is { } missing)
        {
            return OAuthChallenge.InsufficientScopeAsync(context, oauth, missing.Scope, missing.What);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
