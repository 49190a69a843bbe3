using System.Diagnostics.CodeAnalysis;

namespace Tributary.McpClientRegistry.Configuration;

/// <summary>The one rule for endpoint URLs: absolute, http or https, with a host.</summary>
internal static class HttpUrl
{
    /// <summary>Whether <paramref name="text"/> is an absolute http:// or https:// URL with a host.</summary>
    public static bool TryCreate(string text, [NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;
}
