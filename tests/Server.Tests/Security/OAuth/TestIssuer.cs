using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tributary.Server.Tests.Security.OAuth;

/// <summary>
/// An OpenID issuer on a loopback port of its own: <c>/.well-known/openid-configuration</c> and its JWKS, from an RSA
/// key made here, and access tokens minted with that key (or another) for the tests.
/// </summary>
internal sealed class TestIssuer : IAsyncDisposable
{
    public const string Audience = "api://tributary";
    public const string ReadScope = "tributary.read";
    public const string WriteScope = "tributary.write";
    private const string KeyId = "test-key";

    private readonly WebApplication _app;
    private readonly RSA _rsa;
    private readonly RsaSecurityKey _key;

    private TestIssuer(WebApplication app, RSA rsa, RsaSecurityKey key, string url)
    {
        _app = app;
        _rsa = rsa;
        _key = key;
        Url = url;
    }

    /// <summary>The issuer (<c>iss</c>) and authority: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Url { get; }

    /// <summary>How many times a client fetched the JWKS.</summary>
    public int JwksFetches { get; private set; }

    public static async Task<TestIssuer> StartAsync(CancellationToken cancellationToken)
    {
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = KeyId };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestIssuer? issuer = null;
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer!.Url,
            ["jwks_uri"] = $"{issuer.Url}/jwks",
            ["authorization_endpoint"] = $"{issuer.Url}/authorize",
            ["token_endpoint"] = $"{issuer.Url}/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            issuer!.JwksFetches++;
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        issuer = new TestIssuer(app, rsa, key, address.TrimEnd('/'));
        return issuer;
    }

    /// <summary>A token for <paramref name="subject"/> granting <paramref name="scope"/>, valid for an hour from now.</summary>
    public string Mint(string subject, string? scope = ReadScope) =>
        Mint(subject, scope, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), Audience, _key);

    /// <summary>A token that expired an hour ago (well beyond the validator's clock skew).</summary>
    public string MintExpired(string subject) =>
        Mint(subject, ReadScope, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1), Audience, _key);

    /// <summary>A token for <paramref name="audience"/>.</summary>
    public string MintFor(string subject, string audience) =>
        Mint(subject, ReadScope, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), audience, _key);

    /// <summary>A token that names this issuer and its key id, signed by another key (a forgery).</summary>
    public string MintWithAnotherKey(string subject)
    {
        using var other = RSA.Create(2048);
        return Mint(subject, ReadScope, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), Audience, new RsaSecurityKey(other) { KeyId = KeyId });
    }

    private string Mint(string subject, string? scope, DateTime notBefore, DateTime expires, string audience, SecurityKey key)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Url,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
