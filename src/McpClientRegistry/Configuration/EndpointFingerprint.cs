using System.IO.Hashing;
using System.Text;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>
/// A digest of what a server's entry resolves to (every <c>${VAR}</c> expanded), so a reload can tell that a variable an
/// entry uses changed while its YAML did not, without keeping a second copy of the values, which may be secrets.
/// </summary>
/// <remarks>
/// A 128-bit XxHash, not SHA-256: the digest only stays in this process, beside the connection that holds the values
/// themselves, so it needs no resistance to attack; and SHA-256 here was the only thing that made an idle host start
/// OpenSSL, about 5 MB of resident memory (libcrypto and its initialisation).
/// </remarks>
internal static class EndpointFingerprint
{
    /// <summary>The digest of <paramref name="resolution"/>: the same for the same endpoint, or for the same problem.</summary>
    public static string Of(EndpointResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var text = new StringBuilder();
        if (resolution.Endpoint is not { } endpoint)
        {
            Add(text, "problem", resolution.Problem);
        }
        else
        {
            Add(text, "url", endpoint.Url?.OriginalString);
            Add(text, "command", endpoint.Command);
            Add(text, "cwd", endpoint.Cwd);
            foreach (var arg in endpoint.Args)
            {
                Add(text, "arg", arg);
            }

            foreach (var (name, value) in endpoint.Env.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                Add(text, "env " + name, value);
            }

            foreach (var (name, value) in endpoint.Headers.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
            {
                Add(text, "header " + name.ToLowerInvariant(), value);
            }
        }

        return Convert.ToHexString(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Lengths first, so no value can pass for a separator and make two endpoints read alike.
    private static void Add(StringBuilder text, string field, string? value) =>
        text.Append(field.Length).Append(':').Append(field).Append('=').Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');
}
