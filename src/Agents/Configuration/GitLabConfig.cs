namespace Tributary.Agents.Configuration;

/// <summary>The <c>gitlab</c> section: which GitLab the built-in tools talk to, and how.</summary>
/// <param name="Url">The GitLab instance (gitlab.com or a self-managed one), without <c>/api/v4</c>.</param>
/// <param name="TokenEnv">The name of the environment variable holding the access token (not the token).</param>
/// <param name="Timeout">The limit of one HTTP request to GitLab (each retry gets its own).</param>
public sealed record GitLabConfig(Uri Url, string TokenEnv, TimeSpan Timeout)
{
    /// <summary>gitlab.com.</summary>
    public static readonly Uri DefaultUrl = new("https://gitlab.com");

    /// <summary>The variable read when <c>token_env</c> is not given.</summary>
    public const string DefaultTokenEnv = "GITLAB_TOKEN";

    /// <summary>The request timeout when <c>timeout</c> is not given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Which GitLab tools <c>/mcp</c> serves: <see cref="GitLabMcpAccess.Read"/> unless <c>mcp_tools: read-write</c> is
    /// written, since every client of <c>/mcp</c> would write to GitLab as the token's user.
    /// </summary>
    public GitLabMcpAccess McpTools { get; init; } = GitLabMcpAccess.Read;

    /// <summary>The settings used when the file has no <c>gitlab</c> section.</summary>
    public static GitLabConfig Default { get; } = new(DefaultUrl, DefaultTokenEnv, DefaultTimeout);
}
