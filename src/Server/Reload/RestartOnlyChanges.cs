using Tributary.Agents.Configuration;

namespace Tributary.Server.Reload;

/// <summary>
/// The settings a reload cannot apply: they are read into clients and caches built once at start (the GitLab client
/// and its resilience pipeline, the Redis connection, Kestrel's listen addresses, the host filter and the access-token validation). A change to one is reported, not applied, until a restart.
/// </summary>
internal static class RestartOnlyChanges
{
    /// <summary>The dotted names of the start-only fields that differ between <paramref name="running"/> and <paramref name="next"/>.</summary>
    public static IReadOnlyList<string> Between(TributaryConfig running, TributaryConfig next)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(next);
        var fields = new List<string>();
        Add(fields, "gitlab.url", running.GitLab.Url != next.GitLab.Url);
        Add(fields, "gitlab.token_env", running.GitLab.TokenEnv != next.GitLab.TokenEnv);
        Add(fields, "gitlab.timeout", running.GitLab.Timeout != next.GitLab.Timeout);
        Add(fields, "gitlab.mcp_tools", running.GitLab.McpTools != next.GitLab.McpTools);
        Add(fields, "cache.redis", running.Cache.Redis != next.Cache.Redis);
        Add(fields, "host.urls", !running.Host.Urls.SequenceEqual(next.Host.Urls));
        Add(fields, "host.allowed_hosts", !running.Host.AllowedHosts.SequenceEqual(next.Host.AllowedHosts));
        Add(fields, "host.drain", running.Host.Drain != next.Host.Drain);
        Add(fields, "host.oauth", running.Host.OAuth != next.Host.OAuth);
        return fields;
    }

    private static void Add(List<string> fields, string field, bool changed)
    {
        if (changed)
        {
            fields.Add(field);
        }
    }
}
