using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.AspNetCore.Authentication;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Security;

/// <summary>Wires <c>host.oauth</c>: access-token validation, the protected-resource metadata, scopes and session owners.</summary>
internal static class TributaryOAuthExtensions
{
    /// <summary>The scheme validating access tokens (ASP.NET's JWT bearer handler).</summary>
    public const string TokenScheme = "TributaryOAuth";

    /// <summary>
    /// Adds the JWT bearer scheme for <paramref name="oauth"/> (signature from the issuer's JWKS, issuer, audience,
    /// lifetime), the MCP SDK's scheme serving the protected-resource metadata, the scope checks and the session owners.
    /// </summary>
    public static IServiceCollection AddTributaryOAuth(this IServiceCollection services, HostOAuthConfig oauth)
    {
        // AddJwtBearer reads optional settings from configuration through this provider, which only AddAuthentication
        // (with its Data Protection key ring) registers; nothing here is configured that way, so it reads nothing.
        services.TryAddSingleton<IAuthenticationConfigurationProvider, NoAuthenticationConfiguration>();
        var authentication = new AuthenticationBuilder(services);
        authentication.AddJwtBearer(TokenScheme, options =>
        {
            options.Authority = oauth.Authority.OriginalString;
            options.Audience = oauth.Audience;

            // The reader allows http:// only for an issuer on this machine.
            options.RequireHttpsMetadata = oauth.Authority.Scheme == Uri.UriSchemeHttps;

            // Keep the token's claim names ('sub', 'scope'), which the session binding and the scope checks read.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "sub";
            options.Events = new JwtBearerEvents
            {
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    return OAuthChallenge.UnauthorizedAsync(context.HttpContext, oauth, context.AuthenticateFailure);
                },
            };
        });
        authentication.AddMcp(options =>
        {
            options.ForwardAuthenticate = TokenScheme;
            options.Events.OnResourceMetadataRequest = context =>
            {
                // The SDK would answer any path below the well-known prefix; only /mcp is a resource here.
                if (!ProtectedResource.IsMetadataPath(context.Request.Path))
                {
                    context.SkipHandler();
                    return Task.CompletedTask;
                }

                context.ResourceMetadata = ProtectedResource.Metadata(context.Request, oauth);
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeRefusalHandler>();
        services.AddSingleton<SessionOwners>();
#pragma warning disable MCPEXP002 // The only hook that sees a stateful session start with the request that created it.
        services.AddOptions<HttpServerTransportOptions>().PostConfigure<SessionOwners>((http, owners) =>
        {
            var run = http.RunSessionHandler;
            http.RunSessionHandler = async (context, server, cancellationToken) =>
            {
                var id = server.SessionId;
                if (id is not null)
                {
                    owners.Add(id, context.User);
                }

                try
                {
                    await (run is null ? server.RunAsync(cancellationToken) : run(context, server, cancellationToken));
                }
                finally
                {
                    if (id is not null)
                    {
                        owners.Remove(id);
                    }
                }
            };
        });
#pragma warning restore MCPEXP002
        return services;
    }
}
