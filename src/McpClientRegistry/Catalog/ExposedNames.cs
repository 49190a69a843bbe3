using System.Security.Cryptography;
using System.Text;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// Builds the names Tributary exposes: <c>prefix__name</c>, limited to <c>^[A-Za-z0-9_-]{1,64}$</c>
/// (what every model provider accepts). Deterministic: the same inputs always give the same name.
/// </summary>
internal static class ExposedNames
{
    public const int MaxLength = 64;
    public const string Separator = "__";
    private const int HashLength = 8;

    /// <summary>The exposed name of upstream <paramref name="name"/> under <paramref name="prefix"/> ("" for none).</summary>
    public static string Compose(string prefix, string name)
    {
        var joined = prefix.Length == 0 ? Sanitize(name) : Sanitize(prefix) + Separator + Sanitize(name);
        return joined.Length <= MaxLength ? joined : WithHash(joined, prefix + Separator + name);
    }

    /// <summary>A variant of <paramref name="name"/> made distinct by a hash of <paramref name="identity"/>.</summary>
    public static string WithHash(string name, string identity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..HashLength];
        var keep = Math.Min(name.Length, MaxLength - HashLength - 1);
        return $"{name[..keep]}_{hash}";
    }

    /// <summary>Replaces every character outside <c>[A-Za-z0-9_-]</c> with <c>_</c>.</summary>
    public static string Sanitize(string value)
    {
        if (value.Length == 0)
        {
            return "_";
        }

        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_';
            }
        });
    }
}
