using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// A signed JWT that authenticates the client at the token endpoint (RFC 7523 <c>private_key_jwt</c>): issued by and
/// about the client ID, for the authorization server, valid a few minutes, once (<c>jti</c>). ES256 for an EC P-256
/// key, RS256 for an RSA key.
/// </summary>
internal static class ClientAssertion
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(5);

    public static string Create(string clientId, Uri audience, string privateKeyPem, DateTimeOffset now)
    {
        var payload = new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = audience.ToString().TrimEnd('/'),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + s_lifetime).ToUnixTimeSeconds(),
        };

        // The PEM says which kind of key it is; an EC key signs ES256, anything else is tried as RSA.
        bool isEc = privateKeyPem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || TryEc(privateKeyPem);
        string header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = isEc ? "ES256" : "RS256", ["typ"] = "JWT" }));
        string body = Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
        byte[] signingInput = Encoding.ASCII.GetBytes(header + "." + body);
        return header + "." + body + "." + Encode(Sign(signingInput, privateKeyPem, isEc));
    }

    private static byte[] Sign(byte[] data, string pem, bool isEc)
    {
        if (isEc)
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static bool TryEc(string pem)
    {
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
