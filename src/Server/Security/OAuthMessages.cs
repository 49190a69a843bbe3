namespace Tributary.Server.Security;

/// <summary>
/// Why a request was refused under <c>host.oauth</c>, and how to fix it: the short <c>error_description</c> of the
/// <c>WWW-Authenticate</c> header and the longer message of the JSON body. Never the token or any of its claims.
/// </summary>
internal static class OAuthMessages
{
    /// <summary>The body's message for a request without an access token.</summary>
    public const string Missing =
        "this server needs an OAuth access token; send 'Authorization: Bearer <access token>' with a token from the issuer named in the protected-resource metadata (see the resource_metadata URL in the WWW-Authenticate header)";

    /// <summary>The <c>error_description</c> of an expired token.</summary>
    public const string Expired = "the access token has expired";

    /// <summary>The <c>error_description</c> of a token for another audience.</summary>
    public const string WrongAudience = "the access token is not for this resource (audience)";

    /// <summary>The <c>error_description</c> of a token whose signature does not verify.</summary>
    public const string BadSignature = "the access token's signature does not verify with the issuer's keys";

    /// <summary>The <c>error_description</c> of a token from another issuer.</summary>
    public const string WrongIssuer = "the access token is from another issuer";

    /// <summary>The <c>error_description</c> of any other token that fails validation.</summary>
    public const string Invalid = "the access token is not valid";

    /// <summary>The body's message for a token that failed validation for <paramref name="reason"/>.</summary>
    public static string Rejected(string reason) =>
        $"{reason}; get a new access token from the issuer named in the protected-resource metadata and send it as 'Authorization: Bearer <access token>'";

    /// <summary>The <c>error_description</c> and message of a token without <paramref name="scope"/>, which <paramref name="what"/> needs.</summary>
    public static string MissingScope(string what, string scope) =>
        $"{what} needs the scope '{scope}', which the access token does not grant; get a token with '{scope}' from the issuer (for example by logging in again)";
}
