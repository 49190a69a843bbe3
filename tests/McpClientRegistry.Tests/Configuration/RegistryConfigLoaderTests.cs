using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed partial class RegistryConfigLoaderTests
{
    private const string File = "tributary.yml";

    // The sections other parts of the product own in the shipped file.
    private static readonly string[] ShippedSections = ["gitlab", "models", "agents_dir", "cache", "host"];

    [Fact]
    public void Parse_FullValidFile_GivesEveryValueWithDefaults()
    {
        var result = RegistryConfigLoader.Parse(
            """
            gitlab:
              url: https://gitlab.example.com
            mcp_servers:
              context7:
                url: https://mcp.context7.com/mcp
                transport: streamable_http
                auth_type: bearer
                auth_token_env: CONTEXT7_TOKEN
                description: Documentation lookups
                timeout: 90
                connect_timeout: 500ms
              sentry:
                url: ${SENTRY_URL:-https://mcp.sentry.dev/mcp}
                transport: sse
                auth_type: header
                headers:
                  Authorization: Bearer ${SENTRY_TOKEN}
                  X-Count: 3
                enabled: false
                prefix: ""
                tools:
                  allow: [search_*, get_issue]
                  deny: ["*_delete"]
              files:
                transport: stdio
                command: npx
                args: [-y, "@modelcontextprotocol/server-filesystem", 1, true, "$${HOME}"]
                env: { LOG_LEVEL: warn, ROOT: "${DOCS_ROOT}" }
                cwd: /srv
                prefix: fs
                timeout: 2m
            """,
            File,
            ["gitlab"]);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(File, result.Config.SourcePath);
        Assert.Equal(["context7", "sentry", "files"], result.Config.Servers.Select(s => s.Name));

        var context7 = result.Config.Servers[0];
        Assert.Equal(McpTransportKind.StreamableHttp, context7.Transport);
        Assert.Equal("https://mcp.context7.com/mcp", context7.Url);
        Assert.Equal(McpAuthKind.Bearer, context7.AuthType);
        Assert.Equal("CONTEXT7_TOKEN", context7.AuthTokenEnv);
        Assert.Equal("Documentation lookups", context7.Description);
        Assert.Equal("context7", context7.Prefix);
        Assert.True(context7.Enabled);
        Assert.Same(ToolFilter.All, context7.Tools);
        Assert.Empty(context7.Headers);
        Assert.Null(context7.Command);
        Assert.Empty(context7.Args);
        Assert.Empty(context7.Env);
        Assert.Null(context7.Cwd);
        Assert.Equal(TimeSpan.FromSeconds(90), context7.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), context7.ConnectTimeout);
        Assert.Equal(new ConfigLocation(File, 4, 3), context7.Location);

        var sentry = result.Config.Servers[1];
        Assert.Equal(McpTransportKind.Sse, sentry.Transport);
        Assert.Equal("${SENTRY_URL:-https://mcp.sentry.dev/mcp}", sentry.Url);
        Assert.Equal(McpAuthKind.Header, sentry.AuthType);
        Assert.Null(sentry.AuthTokenEnv);
        Assert.Equal(["Authorization", "X-Count"], sentry.Headers.Keys);
        Assert.Equal("Bearer ${SENTRY_TOKEN}", sentry.Headers["Authorization"]);
        Assert.Equal("3", sentry.Headers["X-Count"]);
        Assert.False(sentry.Enabled);
        Assert.Equal(string.Empty, sentry.Prefix);
        Assert.Equal(["search_*", "get_issue"], sentry.Tools.Allow);
        Assert.Equal(["*_delete"], sentry.Tools.Deny);
        Assert.Null(sentry.Description);
        Assert.Equal(McpServerConfig.DefaultTimeout, sentry.Timeout);
        Assert.Equal(McpServerConfig.DefaultConnectTimeout, sentry.ConnectTimeout);

        var files = result.Config.Servers[2];
        Assert.Equal(McpTransportKind.Stdio, files.Transport);
        Assert.Null(files.Url);
        Assert.Equal("npx", files.Command);
        Assert.Equal(["-y", "@modelcontextprotocol/server-filesystem", "1", "true", "$${HOME}"], files.Args);
        Assert.Equal(["LOG_LEVEL", "ROOT"], files.Env.Keys);
        Assert.Equal("warn", files.Env["LOG_LEVEL"]);
        Assert.Equal("${DOCS_ROOT}", files.Env["ROOT"]);
        Assert.Equal("/srv", files.Cwd);
        Assert.Equal(McpAuthKind.None, files.AuthType);
        Assert.Equal("fs", files.Prefix);
        Assert.Equal(TimeSpan.FromMinutes(2), files.Timeout);
        Assert.Equal(new ConfigLocation(File, 24, 3), files.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    [InlineData("mcp_servers:\n")]
    [InlineData("mcp_servers: ~\n")]
    [InlineData("mcp_servers: {}\n")]
    [InlineData("host: { port: 8080 }\n")]
    public void Parse_NoServers_GivesValidEmptyRegistry(string yaml)
    {
        var result = RegistryConfigLoader.Parse(yaml, File, ["host"]);

        Assert.True(result.IsValid);
        Assert.Empty(result.Config.Servers);
    }

    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("250ms", 250)]
    [InlineData("45s", 45_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    public void Parse_Duration_ReadsEveryUnit(string written, int expectedMilliseconds)
    {
        var result = RegistryConfigLoader.Parse($"mcp_servers:\n  a:\n    url: http://localhost:3001/mcp\n    timeout: {written}\n", File);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Assert.Single(result.Config!.Servers).Timeout);
    }

    [Fact]
    public void Load_MissingFile_ReportsOneErrorWithFullPath()
    {
        string path = Path.Combine(Path.GetTempPath(), "tributary-" + Guid.NewGuid().ToString("N"), "tributary.yml");

        var result = RegistryConfigLoader.Load(path);

        Assert.Null(result.Config);
        Assert.Equal(
            $"{path}: the file does not exist (looked for {path}); create it or pass the right path",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void LoadOrThrow_FileWithErrors_ThrowsWithEveryErrorUnderHeading()
    {
        string path = WriteTempFile("mcp_servers:\n  a:\n    transport: stdio\n  b:\n    url: ftp://x\n");

        var ex = Assert.Throws<ConfigException>(() => RegistryConfigLoader.LoadOrThrow(path));

        Assert.Equal(
            $"""
            {path} has 2 errors:
            {path}:2:3: mcp_servers.a.command: is missing or empty; transport 'stdio' needs the program to run, e.g. 'command: npx' with 'args: [-y, "@modelcontextprotocol/server-everything"]'
            {path}:5:10: mcp_servers.b.url: is not an absolute http:// or https:// URL; write the full endpoint, e.g. 'https://mcp.example.com/mcp'
            """.ReplaceLineEndings("\n"),
            ex.Message);
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void LoadOrThrow_ValidFile_ReturnsRegistry()
    {
        string path = WriteTempFile("mcp_servers:\n  a:\n    url: http://localhost:3001/mcp\n");

        var config = RegistryConfigLoader.LoadOrThrow(path);

        Assert.Equal(path, config.SourcePath);
        Assert.Equal("http://localhost:3001/mcp", config.Find("a")?.Url);
    }

    [Fact]
    public void Load_ShippedRegistry_HasNoErrors()
    {
        string path = Path.Combine(RepositoryRoot(), "config", "tributary.yml");

        var result = RegistryConfigLoader.Load(path, ShippedSections);

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Contains(result.Config!.Servers, s => s.Name == "everything" && s.Enabled && s.Transport == McpTransportKind.Stdio);
        Assert.Contains(result.Config.Servers, s => s.Name == "context7" && s.Enabled && s.Url == "https://mcp.context7.com/mcp");
        Assert.Contains(result.Config.Servers, s => s.Name == "sentry" && !s.Enabled && s.AuthType == McpAuthKind.Header);
    }

    [Fact]
    public void Load_ShippedRegistryWithEmptyEnvironment_ResolvesEveryEnabledServer()
    {
        var config = RegistryConfigLoader.LoadOrThrow(Path.Combine(RepositoryRoot(), "config", "tributary.yml"), ShippedSections);
        var resolver = new EndpointResolver(_ => null);

        var problems = config.Servers.Where(s => s.Enabled).Select(s => resolver.Resolve(s).Problem).Where(p => p is not null);

        Assert.Empty(problems);
    }

    private static string WriteTempFile(string yaml)
    {
        string path = Path.Combine(Path.GetTempPath(), "tributary-" + Guid.NewGuid().ToString("N") + ".yml");
        System.IO.File.WriteAllText(path, yaml);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Agents.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Agents.sln not found above " + AppContext.BaseDirectory);
    }

    private static string[] Errors(string yaml, params string[] otherSections) =>
        [.. RegistryConfigLoader.Parse(yaml, File, otherSections).Errors.Select(e => e.ToString())];

    private static string Error(string yaml, params string[] otherSections) =>
        Assert.Single(Errors(yaml, otherSections));
}
