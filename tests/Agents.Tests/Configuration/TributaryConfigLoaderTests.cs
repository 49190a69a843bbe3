using Tributary.Agents.Configuration;

namespace Tributary.Agents.Tests.Configuration;

public sealed class TributaryConfigLoaderTests
{
    private const string File = "tributary.yml";

    internal static string[] Errors(string yaml) =>
        [.. TributaryConfigLoader.Parse(yaml, File).Errors.Select(e => e.ToString())];

    [Fact]
    public void Parse_NoGitLabOrCacheSection_GivesDefaults()
    {
        var result = TributaryConfigLoader.Parse("mcp_servers: {}\n", File);

        Assert.True(result.IsValid);
        Assert.Equal(new Uri("https://gitlab.com"), result.Config.GitLab.Url);
        Assert.Equal("GITLAB_TOKEN", result.Config.GitLab.TokenEnv);
        Assert.Equal(TimeSpan.FromSeconds(30), result.Config.GitLab.Timeout);
        Assert.Equal(GitLabMcpAccess.Read, result.Config.GitLab.McpTools);
        Assert.Equal("${REDIS_URL:-}", result.Config.Cache.Redis);
    }

    [Fact]
    public void Parse_FullGitLabAndCacheSections_GivesEveryValue()
    {
        var result = TributaryConfigLoader.Parse(
            """
            gitlab:
              url: https://gitlab.example.com/gitlab/api/v4/
              token_env: TEAM_GITLAB_TOKEN
              timeout: 45s
              mcp_tools: read-write
            cache:
              redis: ${REDIS_URL}
            """,
            File);

        Assert.Empty(result.Errors);
        Assert.Equal(new Uri("https://gitlab.example.com/gitlab/"), result.Config!.GitLab.Url);
        Assert.Equal("TEAM_GITLAB_TOKEN", result.Config.GitLab.TokenEnv);
        Assert.Equal(TimeSpan.FromSeconds(45), result.Config.GitLab.Timeout);
        Assert.Equal(GitLabMcpAccess.ReadWrite, result.Config.GitLab.McpTools);
        Assert.Equal("${REDIS_URL}", result.Config.Cache.Redis);
    }

    [Fact]
    public void Parse_EmptySections_GiveDefaultsAndNoRedis()
    {
        var result = TributaryConfigLoader.Parse("gitlab:\ncache:\n", File);

        Assert.Empty(result.Errors);
        Assert.Equal(GitLabConfig.Default, result.Config!.GitLab);
        Assert.Null(result.Config.Cache.Redis);
    }

    [Fact]
    public void Parse_InvalidGitLabAndCacheFields_ReportsEachWithFileLineAndFix()
    {
        string[] errors = Errors(
            """
            gitlab:
              url: ftp://gitlab.example.com
              token_env: glpat-abcdef123456
              timeout: 0
              tokn_env: X
            cache:
              redis: ${REDIS_URL
              size: 3
            """);

        Assert.Equal(
            [
                "tributary.yml:2:8: gitlab.url: 'ftp://gitlab.example.com' is not an http:// or https:// URL of a GitLab instance; write e.g. 'url: https://gitlab.example.com' (or leave it out for https://gitlab.com)",
                "tributary.yml:3:14: gitlab.token_env: looks like a token, not the name of a variable; keep the token out of the file: export it (e.g. as GITLAB_TOKEN) and write 'token_env: GITLAB_TOKEN'",
                "tributary.yml:4:12: gitlab.timeout: must be greater than zero, but is '0'; write e.g. '30s'",
                "tributary.yml:5:3: gitlab.tokn_env: unknown field 'tokn_env'; did you mean 'token_env'?",
                "tributary.yml:7:10: cache.redis: the '${' at character 1 has no closing '}'; write ${NAME} or ${NAME:-default}, or $$ for a literal $",
                "tributary.yml:8:3: cache.size: unknown field 'size'; valid fields are: redis",
            ],
            errors);
    }

    [Fact]
    public void Parse_TokenEnvNotAVariableName_SaysWhatANameIs()
    {
        Assert.Equal(
            ["tributary.yml:2:14: gitlab.token_env: '1TOKEN' is not an environment variable name; use letters, digits and '_', not starting with a digit, e.g. 'token_env: GITLAB_TOKEN'"],
            Errors("gitlab:\n  token_env: 1TOKEN\n"));
    }

    [Theory]
    [InlineData("write", "tributary.yml:2:14: gitlab.mcp_tools: 'write' is not a choice; write 'mcp_tools: read' (the default: /mcp serves only the GitLab tools that read) or 'mcp_tools: read-write' (also post_merge_request_comment and create_issue, as the token's user)")]
    [InlineData("[read]", "tributary.yml:2:14: gitlab.mcp_tools: must be a single text value, but it is a list; quote it if it contains ': ' or starts with '[', '{' or '*'")]
    public void Parse_McpToolsNotAChoice_NamesBothChoices(string value, string error)
    {
        Assert.Equal([error], Errors($"gitlab:\n  mcp_tools: {value}\n"));
    }

    [Fact]
    public void Parse_GitLabSectionIsAList_SaysWriteAMapping()
    {
        Assert.Equal(
            ["tributary.yml:1:9: gitlab: must be a mapping of settings, but it is a list; write e.g. 'gitlab: { url: https://gitlab.example.com }'"],
            Errors("gitlab: [https://gitlab.com]\n"));
    }

    [Fact]
    public void Parse_ServerNamedGitLab_IsRejectedBecauseThePrefixIsReserved()
    {
        Assert.Equal(
            ["tributary.yml:2:3: mcp_servers.gitlab.prefix: 'gitlab' (from the server name) is reserved for Tributary's built-in GitLab tools (gitlab__*); set another 'prefix:' on this server, e.g. 'prefix: gitlab_mcp'"],
            Errors("mcp_servers:\n  gitlab:\n    url: https://gitlab.com/api/v4/mcp\n"));
    }

    [Fact]
    public void Parse_ExplicitGitLabPrefix_IsRejectedAtThePrefix()
    {
        Assert.Equal(
            ["tributary.yml:4:13: mcp_servers.mine.prefix: 'gitlab' is reserved for Tributary's built-in GitLab tools (gitlab__*); set another 'prefix:' on this server, e.g. 'prefix: gitlab_mcp'"],
            Errors("mcp_servers:\n  mine:\n    url: https://mcp.example.com/mcp\n    prefix: gitlab\n"));
    }

    [Fact]
    public void Parse_ServerNamedGitLabWithOtherPrefix_IsValid()
    {
        var result = TributaryConfigLoader.Parse("mcp_servers:\n  gitlab:\n    url: https://gitlab.com/api/v4/mcp\n    prefix: gl\n", File);

        Assert.Empty(result.Errors);
        Assert.Equal("gl", result.Config!.Registry.Servers[0].Prefix);
    }

    [Fact]
    public void Load_ShippedConfig_LoadsWithoutAnyVariable()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "config", "tributary.yml");

        var result = TributaryConfigLoader.Load(path);

        Assert.Empty(result.Errors);
        Assert.Equal("GITLAB_TOKEN", result.Config!.GitLab.TokenEnv);
    }

    // One reader kit behind every section: the same problem reads the same wherever it is written.
    [Theory]
    [InlineData("mcp_servers:\n  docs:\n    url: https://x.example/mcp\n    timout: 5s\n", "tributary.yml:4:5: mcp_servers.docs.timout: unknown field 'timout'; did you mean 'timeout'?")]
    [InlineData("gitlab:\n  timout: 5s\n", "tributary.yml:2:3: gitlab.timout: unknown field 'timout'; did you mean 'timeout'?")]
    [InlineData("cache:\n  rediss: localhost\n", "tributary.yml:2:3: cache.rediss: unknown field 'rediss'; did you mean 'redis'?")]
    [InlineData("host:\n  urlz: [http://127.0.0.1:8420]\n", "tributary.yml:2:3: host.urlz: unknown field 'urlz'; did you mean 'urls'?")]
    [InlineData("models:\n  gpt: { provider: ollama, model: llama3.1, modle: x }\n", "tributary.yml:2:45: models.gpt.modle: unknown field 'modle'; did you mean 'model'?")]
    public void Parse_MisspeltFieldInAnySection_SuggestsTheField(string yaml, string error)
    {
        Assert.Equal([error], Errors(yaml));
    }

    [Theory]
    [InlineData("mcp_servers:\n  docs:\n    url: https://x.example/mcp\n    timeout: [5s]\n", "tributary.yml:4:14: mcp_servers.docs.timeout: must be a duration such as '30s', but it is a list; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h")]
    [InlineData("gitlab:\n  timeout: [5s]\n", "tributary.yml:2:12: gitlab.timeout: must be a duration such as '30s', but it is a list; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h")]
    [InlineData("gitlab:\n  timeout: 2d\n", "tributary.yml:2:12: gitlab.timeout: '2d' is not a duration; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h")]
    [InlineData("gitlab:\n  timeout:\n", "tributary.yml:2:11: gitlab.timeout: must be a duration such as '30s', but it is empty; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h")]
    [InlineData("models:\n  gpt: { provider: ollama, model: llama3.1, default: [yes] }\n", "tributary.yml:2:54: models.gpt.default: must be true or false, but it is a list; write 'default: true' or 'default: false'")]
    public void Parse_WrongTypeInAnySection_ReadsTheSame(string yaml, string error)
    {
        Assert.Equal([error], Errors(yaml));
    }
}
