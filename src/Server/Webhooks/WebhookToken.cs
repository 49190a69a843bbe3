using System.Security.Cryptography;
using System.Text;

namespace Tributary.Server.Webhooks;

/// <summary>Compares the <c>X-Gitlab-Token</c> GitLab sent with the configured secret, in constant time.</summary>
internal static class WebhookToken
{
    /// <summary>Whether <paramref name="presented"/> is <paramref name="secret"/>.</summary>
    /// <remarks>Hashing first gives both sides the same length, so the time taken says nothing about the secret's length either.</remarks>
    public static bool Matches(string presented, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
