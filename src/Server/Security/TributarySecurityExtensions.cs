using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;

namespace Tributary.Server.Security;

/// <summary>Wires the key, host filtering and <c>Origin</c> checks that guard the MCP endpoint.</summary>
internal static class TributarySecurityExtensions
{
    /// <summary>The authorization policy the MCP endpoint requires.</summary>
    public const string McpPolicy = "TributaryMcp";

    /// <summary>The authorization policy of what changes things (agent runs): <see cref="McpPolicy"/>'s caller, with the write scope under <c>host.oauth</c>.</summary>
    public const string WritePolicy = "TributaryWrite";

    /// <summary>
    /// Adds the key scheme, the <see cref="McpPolicy"/> policy, host filtering and the start-up <see cref="ExposureGuard"/>;
    /// <paramref name="fileHosts"/> (the config file's <c>host.allowed_hosts</c>) apply when the variable is not set.
    /// </summary>
    public static IServiceCollection AddTributarySecurity(
        this IServiceCollection services, string urls, Func<string, string?> readVariable, bool allowAnonymous = false, IReadOnlyList<string>? fileHosts = null, HostOAuthConfig? oauth = null)
    {
        var security = SecurityOptions.Create(urls, readVariable, fileHosts, oauth) with { AllowAnonymous = allowAnonymous };
        services.AddSingleton(security);
        services.AddSingleton<ExposureGuard>();
        services.AddHostedService(provider => provider.GetRequiredService<ExposureGuard>());
        services.AddHostFiltering(options => options.AllowedHosts = [.. security.AllowedHosts]);

        // AuthenticationCore, not AddAuthentication: the latter adds DataProtection, whose key ring would be
        // written to ~/.aspnet at start-up although nothing here encrypts anything.
        services.AddWebEncoders();
        services.AddAuthenticationCore();
        new AuthenticationBuilder(services).AddScheme<AuthenticationSchemeOptions, McpKeyAuthenticationHandler>(McpKeyAuthenticationHandler.SchemeName, configureOptions: null);
        if (oauth is not null)
        {
            services.AddTributaryOAuth(oauth);
        }

        // Under host.oauth only access tokens open /mcp and agent runs: a shared key has no identity to bind sessions
        // to, to log, or to revoke alone, and no scopes, so accepting it too would bypass all of that.
        string scheme = oauth is null ? McpKeyAuthenticationHandler.SchemeName : TributaryOAuthExtensions.TokenScheme;
        services.AddAuthorizationBuilder()
            .AddPolicy(McpPolicy, policy => Require(policy, scheme, oauth?.ReadScope, "/mcp"))
            .AddPolicy(WritePolicy, policy => Require(policy, scheme, oauth?.WriteScope, "an agent run"));
        return services;
    }

    private static void Require(AuthorizationPolicyBuilder policy, string scheme, string? scope, string what)
    {
        policy.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser();
        if (scope is not null)
        {
            policy.AddRequirements(new ScopeRequirement(scope, what));
        }
    }

    /// <summary>
    /// Answers 503 until the <see cref="ExposureGuard"/> has cleared the bound addresses, filters hosts, checks
    /// <c>Origin</c> on <paramref name="mcpPath"/>, then authenticates and authorizes.
    /// </summary>
    public static IApplicationBuilder UseTributarySecurity(this IApplicationBuilder app, PathString mcpPath)
    {
        var guard = app.ApplicationServices.GetRequiredService<ExposureGuard>();
        app.Use((context, next) => guard.IsCleared
            ? next(context)
            : SecurityErrorResponse.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "not_serving", "Tributary is not serving: it is starting, or refused to serve (see its log)", context.RequestAborted));
        app.UseHostFiltering();
        app.UseMiddleware<OriginCheckMiddleware>(mcpPath);
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.ApplicationServices.GetRequiredService<SecurityOptions>().OAuth is not null)
        {
            app.UseMiddleware<CallerContextMiddleware>();
            app.UseMiddleware<SessionOwnerMiddleware>();
        }

        return app;
    }

    /// <summary>Requires the <see cref="McpPolicy"/> (the configured key) on <paramref name="endpoint"/>.</summary>
    public static TBuilder RequireTributaryKey<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(McpPolicy);

    /// <summary>Requires the <see cref="WritePolicy"/> on <paramref name="endpoint"/>: the key, or under <c>host.oauth</c> a token with the write scope.</summary>
    public static TBuilder RequireTributaryWrite<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(WritePolicy);
}
