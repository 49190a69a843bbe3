namespace Tributary.Server.Tests.Cli;

public sealed class ConfigCheckCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConfigCheck_ValidRegistry_PrintsOneLinePerServerAndExitsZero()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              everything:
                transport: stdio
                command: npx
                args: [-y, "@modelcontextprotocol/server-everything"]
              docs:
                url: https://mcp.example.com/mcp
                prefix: d
              old:
                url: http://127.0.0.1:8080/sse
                transport: sse
                enabled: false
            """);

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"{registry.Path}: valid, 3 servers (2 enabled)",
                "  everything  stdio            enabled   npx -y @modelcontextprotocol/server-everything  prefix everything",
                "  docs        streamable-http  enabled   https://mcp.example.com/mcp                     prefix d",
                "  old         sse              disabled  http://127.0.0.1:8080/sse                       prefix old",
            ],
            result.OutputLines);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task ConfigCheck_ModelsAndAgents_ListsThemAfterTheServers()
    {
        using var registry = TempRegistry.Write("""
            models:
              gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }
            """);
        System.IO.Directory.CreateDirectory(Path.Combine(registry.Directory, "agents"));
        File.WriteAllText(Path.Combine(registry.Directory, "agents", "helper.yml"), "name: helper\ninstructions: Help.\n");

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"{registry.Path}: valid, 0 servers (0 enabled)",
                "models: gpt (openai gpt-4.1, default)",
                $"agents ({Path.Combine(registry.Directory, "agents")}): helper",
            ],
            result.OutputLines);
    }

    [Fact]
    public async Task ConfigCheck_InvalidRegistry_PrintsEveryErrorAndCountAndExitsOne()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              a:
                transport: carrier-pigeon
              b:
                url: not-a-url
              c:
                transport: stdio
            """);

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{registry.Path}:3:16: mcp_servers.a.transport: unknown transport 'carrier-pigeon'; use one of: streamable-http (the default; alias streamable_http), sse, stdio",
                $"{registry.Path}:5:10: mcp_servers.b.url: is not an absolute http:// or https:// URL; write the full endpoint, e.g. 'https://mcp.example.com/mcp'",
                $"{registry.Path}:6:3: mcp_servers.c.command: is missing or empty; transport 'stdio' needs the program to run, e.g. 'command: npx' with 'args: [-y, \"@modelcontextprotocol/server-everything\"]'",
                $"{registry.Path}: 3 errors",
            ],
            result.ErrorLines);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task ConfigCheck_OneError_CountIsSingular()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              a:
                transport: carrier-pigeon
                url: https://mcp.example.com/mcp
            """);

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{registry.Path}: 1 error", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task ConfigCheck_MissingFile_NamesPathTriedAndHowToPointElsewhere()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");
        var missing = Path.Combine(registry.Directory, "nope.yml");

        var result = await CliRunner.RunAsync(["config", "check", "--config", missing], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"error: config file not found: {missing} (looked for {missing})",
                "Pass --config PATH or set TRIBUTARY_CONFIG to use another file.",
            ],
            result.ErrorLines);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task ConfigCheck_NoOption_ReadsPathFromTributaryConfig()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              docs:
                url: https://mcp.example.com/mcp
            """);

        var result = await CliRunner.RunAsync(["config", "check"], new Dictionary<string, string> { ["TRIBUTARY_CONFIG"] = registry.Path }, error: null, Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{registry.Path}: valid, 1 server (1 enabled)", result.OutputLines[0]);
    }

    [Fact]
    public async Task ConfigCheck_TributaryConfigPointsNowhere_SaysWhereThePathCameFrom()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");
        var missing = Path.Combine(registry.Directory, "gone.yml");

        var result = await CliRunner.RunAsync(["config", "check"], new Dictionary<string, string> { ["TRIBUTARY_CONFIG"] = missing }, error: null, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: config file not found: {missing} (looked for {missing}; from TRIBUTARY_CONFIG)", result.ErrorLines[0]);
    }

    [Fact]
    public async Task ConfigCheck_ConfigIsADirectory_SaysSo()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Directory], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: config file is a directory: {registry.Directory} (looked for {registry.Directory})", result.ErrorLines[0]);
    }

    [Fact]
    public async Task ConfigCheck_UnsetVariable_ServerShownAsNotConfigured()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              sentry:
                url: https://mcp.sentry.dev/mcp
                auth_type: header
                headers:
                  Authorization: Bearer ${SENTRY_TOKEN}
              docs:
                url: https://${DOCS_HOST}/mcp
            """);

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], new Dictionary<string, string> { ["DOCS_HOST"] = "docs.example.com" }, error: null, Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                $"{registry.Path}: valid, 2 servers (2 enabled)",
                "  sentry  streamable-http  enabled  https://mcp.sentry.dev/mcp  prefix sentry  not configured: environment variable SENTRY_TOKEN is not set (server 'sentry', field 'headers.Authorization'); export it or set enabled: false",
                "  docs    streamable-http  enabled  https://${DOCS_HOST}/mcp    prefix docs",
            ],
            result.OutputLines);
    }

    [Fact]
    public async Task ConfigCheck_UrlWithCredentials_ShowsNeitherUserInfoNorQuery()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              private:
                url: https://alice:s3cret@mcp.example.com:8443/v1/mcp?api_key=abc123#top
            """);

        var result = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("  private  streamable-http  enabled  https://mcp.example.com:8443/v1/mcp  prefix private", result.OutputLines[1]);
        Assert.DoesNotContain("s3cret", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", result.Output, StringComparison.Ordinal);
    }
}
