using System.Globalization;

namespace Tributary.Agents.GitLab;

/// <summary>Turns what users write for Redis (<c>host:port</c>, a StackExchange.Redis string, or a <c>redis://</c> URL) into a StackExchange.Redis configuration string.</summary>
internal static class RedisConnection
{
    /// <summary>The StackExchange.Redis configuration for <paramref name="text"/>.</summary>
    public static string ToConfiguration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss"))
        {
            return text;
        }

        // StackExchange.Redis does not read URLs: redis://[user:password@]host[:port][/db]
        var parts = new List<string> { $"{uri.Host}:{(uri.IsDefaultPort ? 6379 : uri.Port).ToString(CultureInfo.InvariantCulture)}" };
        if (uri.UserInfo.Length > 0)
        {
            string[] user = uri.UserInfo.Split(':', 2);
            if (user.Length == 2)
            {
                if (user[0].Length > 0)
                {
                    parts.Add("user=" + Uri.UnescapeDataString(user[0]));
                }

                parts.Add("password=" + Uri.UnescapeDataString(user[1]));
            }
            else
            {
                parts.Add("password=" + Uri.UnescapeDataString(user[0]));
            }
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database)
        {
            parts.Add("defaultDatabase=" + database);
        }

        if (uri.Scheme == "rediss")
        {
            parts.Add("ssl=true");
        }

        return string.Join(',', parts);
    }
}
