using Tributary.Agents.Configuration;

namespace Tributary.Agents.GitLab;

/// <summary>Where the GitLab API is and the token to call it with, resolved once when the host starts.</summary>
internal sealed class GitLabConnection
{
    /// <summary>Resolves <paramref name="config"/>, reading the token from the variable it names.</summary>
    public GitLabConnection(GitLabConfig config, Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(readVariable);
        Url = config.Url;
        ApiBase = new Uri(config.Url, "api/v4/");
        TokenVariable = config.TokenEnv;
        Timeout = config.Timeout;
        var token = readVariable(config.TokenEnv);
        Token = string.IsNullOrWhiteSpace(token) ? null : token.Trim();
    }

    /// <summary>The instance, e.g. <c>https://gitlab.com/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The REST API root, <c>{url}/api/v4/</c>.</summary>
    public Uri ApiBase { get; }

    /// <summary>The variable the token comes from.</summary>
    public string TokenVariable { get; }

    /// <summary>The limit of one request.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The token, or <see langword="null"/> when the variable is unset or empty.</summary>
    public string? Token { get; }

    /// <summary>Whether a token is there.</summary>
    public bool IsConfigured => Token is not null;

    /// <summary>The error every call gives while no token is set: what is missing and how to set it.</summary>
    public string NotConfiguredMessage =>
        $"GitLab is not configured: the environment variable {TokenVariable} (gitlab.token_env) is not set. "
        + $"Create a GitLab access token (scope read_api to read; api to post comments and create issues) for {Url.ToString().TrimEnd('/')}, "
        + $"export it as {TokenVariable} and restart Tributary.";
}
