using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Tributary.Server.Security;

namespace Tributary.Server.Health;

/// <summary>
/// Who sees what of <c>/health</c>. With <see cref="SecurityOptions.KeyVariable"/> set, a request without the key
/// gets only the overall status (the per-server details name hosts, ports, stderr tails, the GitLab URL and the
/// token's user), and <c>?probe=true</c>, which spawns stdio servers and calls GitLab, is refused with 401. Without
/// a key (loopback, or <c>--allow-anonymous</c>) everyone sees everything, as everyone can use <c>/mcp</c> too. Under
/// <c>host.oauth</c> a valid access token shows the details as well.
/// </summary>
internal static class HealthAccess
{
    /// <summary>The 401 message of a probe without the key.</summary>
    public const string ProbeNeedsKey =
        $"/health?probe=true needs the key: send 'Authorization: Bearer <key>' with the key configured in {SecurityOptions.KeyVariable}; without it /health gives only the overall status";

    /// <summary>The 401 message of a probe without an access token or the key, under <c>host.oauth</c>.</summary>
    public const string ProbeNeedsToken =
        $"/health?probe=true needs an access token for /mcp or the key configured in {SecurityOptions.KeyVariable}: send 'Authorization: Bearer <token or key>'; without one /health gives only the overall status";

    private static readonly object s_detailedKey = new();

    /// <summary>Whether <see cref="InvokeAsync"/> let this request see the details.</summary>
    public static bool IsDetailed(HttpContext context) => context.Items[s_detailedKey] is true;

    /// <summary>Decides what the request may see, refusing a probe without the key.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var security = context.RequestServices.GetRequiredService<SecurityOptions>();
        bool detailed = (security.Key is null && security.OAuth is null)
            || (security.Key is not null && (await context.AuthenticateAsync(McpKeyAuthenticationHandler.SchemeName)).Succeeded)
            || (security.OAuth is not null && (await context.AuthenticateAsync(TributaryOAuthExtensions.TokenScheme)).Succeeded);
        if (!detailed && HealthProbe.IsRequested(context))
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            await SecurityErrorResponse.WriteAsync(
                context.Response, StatusCodes.Status401Unauthorized, "unauthorized", security.OAuth is null ? ProbeNeedsKey : ProbeNeedsToken, context.RequestAborted);
            return;
        }

        context.Items[s_detailedKey] = detailed;
        await next(context);
    }
}
