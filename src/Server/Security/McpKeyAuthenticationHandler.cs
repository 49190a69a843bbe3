using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Tributary.Server.Security;

/// <summary>
/// Authenticates <c>/mcp</c> callers by the shared key of <see cref="SecurityOptions.KeyVariable"/>
/// (<c>Authorization: Bearer &lt;key&gt;</c>); with no key configured, every caller is the one local user.
/// </summary>
internal sealed class McpKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SecurityOptions security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "TributaryKey";

    private const string BearerPrefix = "Bearer ";

    // Stateful MCP sessions are bound to the caller's NameIdentifier; all holders of the key are one user. The two
    // principals are made once: nothing changes a request's principal, and every /mcp POST would otherwise build one.
    private static readonly ClaimsPrincipal s_local = Principal("local");
    private static readonly ClaimsPrincipal s_keyHolder = Principal("key");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (security.Key is not { } key)
        {
            return Task.FromResult(Success(s_local));
        }

        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail(McpKeyMessages.Missing));
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail(McpKeyMessages.NotBearer));
        }

        return Task.FromResult(Matches(header[BearerPrefix.Length..].Trim(), key)
            ? Success(s_keyHolder)
            : AuthenticateResult.Fail(McpKeyMessages.Mismatch));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        await SecurityErrorResponse.WriteAsync(
            Response, StatusCodes.Status401Unauthorized, "unauthorized", result.Failure?.Message ?? McpKeyMessages.Missing, Context.RequestAborted);
    }

    // Hashing first gives both sides the same length, so the comparison time says nothing about the key's length either.
    private static bool Matches(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static AuthenticateResult Success(ClaimsPrincipal user) =>
        AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName));

    private static ClaimsPrincipal Principal(string user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], SchemeName));
}
