using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Removes a server's resolved secrets (header values, URL credentials and query, environment values, and every
/// value that came from a variable, wherever it went: <c>url</c> path, <c>command</c>, <c>args</c>) from text bound
/// for logs, health, error messages and exported spans, whatever library wrote that text.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private const int MinimumSecretLength = 4;
    private readonly string[] _secrets;

    private SecretRedactor(IEnumerable<string> secrets) =>
        _secrets = [.. secrets.Where(s => s.Length >= MinimumSecretLength).Distinct().OrderByDescending(s => s.Length)];

    /// <summary>A redactor with nothing to remove.</summary>
    public static SecretRedactor None { get; } = new([]);

    public static SecretRedactor For(ResolvedEndpoint endpoint)
    {
        var secrets = new List<string>();
        foreach (var value in endpoint.Headers.Values)
        {
            secrets.Add(value);
            // "Bearer abc": the token alone may also show up in text.
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                secrets.Add(value[(space + 1)..]);
            }
        }

        secrets.AddRange(endpoint.Env.Values.OfType<string>());
        foreach (var value in endpoint.Secrets)
        {
            // A value in a URL is written escaped (%2F, %20...) by whatever prints the URL.
            secrets.Add(value);
            secrets.Add(Uri.EscapeDataString(value));
        }

        if (endpoint.Url is { } url)
        {
            if (url.UserInfo.Length > 0)
            {
                secrets.Add(url.UserInfo);
            }

            if (url.Query.Length > 1)
            {
                secrets.Add(url.Query[1..]);
                secrets.AddRange(url.Query[1..].Split('&').Select(p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]));
            }
        }

        return new SecretRedactor(secrets);
    }

    /// <summary>Whether there is anything to remove.</summary>
    public bool IsEmpty => _secrets.Length == 0;

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
