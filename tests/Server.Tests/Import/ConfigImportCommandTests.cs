using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Deploy;

namespace Tributary.Server.Tests.Import;

public sealed class ConfigImportCommandTests
{
    private const string ClaudeDesktop = "claude-desktop/claude_desktop_config.json";
    private const string ClaudeCode = "claude-code/.mcp.json";
    private const string VsCode = "vscode/.vscode/mcp.json";
    private const string Cursor = "cursor/.cursor/mcp.json";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, int, string[]> Examples() => new()
    {
        { ClaudeDesktop, 5, ["ghp_Xq7ZLr2kV9mB4nC8dF1gH6jK3pS5tW0yE2aQ", "BSA7fK2mLqP9xR4tV8wZ1cD6hJ3nS5yB0eG", "Winter-Harbour-42"] },
        { ClaudeCode, 4, ["rk_live_51NxQ2Lk8Jd9Fh3Gs7Pq4Rm6Tv1Wy0Za"] },
        { VsCode, 5, [] },
        { Cursor, 6, ["3f1c9a7e-52b4-4d1e-9c0a-7b8e6f5d4c3b", "sbp_5f2a9c8e1d7b4a3f6e0c9b8a7d6e5f4c3b2a1d0e", "ntn_4829104738291047382910473829abcdefGH"] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Import_ExampleFile_PrintsARegistryThatPassesConfigCheckWithoutItsSecrets(string example, int servers, string[] secrets)
    {
        var result = await CliRunner.RunAsync(["config", "import", PathOf(example)], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, result.Output + result.Error, StringComparison.Ordinal));
        using var registry = TempRegistry.Write(result.Output);
        var check = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);
        Assert.Equal(0, check.ExitCode);
        Assert.Equal($"{registry.Path}: valid, {servers} servers ({servers} enabled)", check.OutputLines[0]);
    }

    [Fact]
    public async Task Import_VsCode_ConvertsInputsAndEnvReferencesAndListsWhatItCannotConvert()
    {
        string file = PathOf(VsCode);

        var result = await CliRunner.RunAsync(["config", "import", file], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            $"""
            # Imported from {file} (VS Code): 5 servers, 2 not imported.
            # Export these before 'tributary serve' (a server whose variable is unset is reported as not configured):
            #   PERPLEXITY_KEY  VS Code asked for it as input 'perplexity-key' (Perplexity API Key)
            #   GITHUB_TOKEN    VS Code asked for it as input 'github_token' (GitHub Personal Access Token)
            #   HOME            read from the environment, as in the client
            # Not imported:
            #   memory: servers.memory.env.MEMORY_FILE_PATH uses {"${workspaceFolder}"}, which only the client knows; replace it with its value (a path, a name) and import again
            #   my-python-server: reads its environment from 'envFile', which Tributary does not read; move those variables into 'env' and import again
            # Left out:
            #   servers.playwright.gallery: a setting of the client only; left out
            #   servers.playwright.version: a setting of the client only; left out
            mcp_servers:
              Perplexity:
                transport: stdio
                command: npx
                args: ["-y", server-perplexity-ask]
                env:
                  PERPLEXITY_API_KEY: "{"${PERPLEXITY_KEY}"}"
              github:
                url: "https://api.githubcopilot.com/mcp/"
                auth_type: header
                headers:
                  Authorization: "Bearer {"${GITHUB_TOKEN}"}"
              fetch:
                transport: stdio
                command: uvx
                args: [mcp-server-fetch]
                env:
                  HOME_DIR: "{"${HOME}"}"
              playwright:
                transport: stdio
                command: npx
                args: ["-y", "@playwright/mcp@latest"]
              legacy:
                transport: sse
                url: "http://localhost:3001/sse"

            """,
            result.Output);
    }

    [Fact]
    public async Task Import_LiteralSecrets_BecomeVariablesNamedInTheAccount()
    {
        var result = await CliRunner.RunAsync(["config", "import", PathOf(Cursor)], Token);

        Assert.Contains("#   EXA_API_KEY            was written in mcpServers.exa.url (query 'exaApiKey'); the value was not copied", result.OutputLines);
        Assert.Contains("#   SUPABASE_ACCESS_TOKEN  was written in mcpServers.supabase.args[4]; the value was not copied", result.OutputLines);
        Assert.Contains("#   NOTION_TOKEN           was written in mcpServers.notion.env.NOTION_TOKEN; the value was not copied", result.OutputLines);
        Assert.Contains("    url: \"https://mcp.exa.ai/mcp?exaApiKey=${EXA_API_KEY}&tools=web_search_exa\"", result.OutputLines);
        Assert.Contains("    args: [\"-y\", \"@supabase/mcp-server-supabase@latest\", \"--read-only\", \"--access-token\", \"${SUPABASE_ACCESS_TOKEN}\"]", result.OutputLines);
        Assert.Contains("    transport: sse", result.OutputLines);
    }

    [Fact]
    public async Task ImportWrite_AddsTheEntriesAtTheEndOfMcpServersKeepingEveryComment()
    {
        using var registry = TempRegistry.Write("""
            # Our registry.
            mcp_servers:
              # Documentation lookups.
              context7:
                url: https://mcp.context7.com/mcp   # no key needed

            # Our GitLab.
            gitlab:
              url: https://gitlab.example.com

            """);
        string file = PathOf(ClaudeCode);

        var result = await CliRunner.RunAsync(["config", "import", file, "--write", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Added sentry, stripe, api-server, airtable to {registry.Path}; check it with 'tributary config check'.", result.OutputLines[^1]);
        Assert.Contains("  STRIPE_TOKEN      was written in mcpServers.stripe.headers.Authorization; the value was not copied", result.OutputLines);
        Assert.Equal(
            $"""
            # Our registry.
            mcp_servers:
              # Documentation lookups.
              context7:
                url: https://mcp.context7.com/mcp   # no key needed

              # Imported from {file} by 'tributary config import'.
              sentry:
                url: "https://mcp.sentry.dev/mcp"
              stripe:
                url: "https://mcp.stripe.com"
                auth_type: header
                headers:
                  Authorization: "Bearer {"${STRIPE_TOKEN}"}"
              api-server:
                transport: sse
                url: "{"${API_BASE_URL:-https://api.example.com}"}/sse"
                auth_type: header
                headers:
                  X-API-Key: "{"${API_KEY}"}"
              airtable:
                transport: stdio
                command: npx
                args: ["-y", airtable-mcp-server]
                env:
                  AIRTABLE_API_KEY: "{"${AIRTABLE_API_KEY}"}"
                  LOG_LEVEL: warn

            # Our GitLab.
            gitlab:
              url: https://gitlab.example.com

            """,
            File.ReadAllText(registry.Path));
        var check = await CliRunner.RunAsync(["config", "check", "--config", registry.Path], Token);
        Assert.Equal($"{registry.Path}: valid, 5 servers (5 enabled)", check.OutputLines[0]);
    }

    [Fact]
    public async Task ImportWrite_NameAlreadyInTheRegistry_RefusesAndWritesNothing()
    {
        const string Yaml = "mcp_servers:\n  sentry:\n    url: https://sentry.example.com/mcp\n";
        using var registry = TempRegistry.Write(Yaml);

        var result = await CliRunner.RunAsync(["config", "import", PathOf(ClaudeCode), "--write", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {registry.Path} already has a server named 'sentry' (line 2); rename one of them (in {PathOf(ClaudeCode)} or in the registry) and import again", result.ErrorLines[0]);
        Assert.Equal("Nothing was written.", result.ErrorLines[1]);
        Assert.Equal(Yaml, File.ReadAllText(registry.Path));
    }

    [Theory]
    [InlineData("{ \"mcpServers\": { ", "is not valid JSON (line 1)")]
    [InlineData("{ \"theme\": \"dark\" }", "has no MCP servers: expected an object 'mcpServers' (Claude Desktop, Claude Code's .mcp.json, Cursor) or 'servers' (VS Code's .vscode/mcp.json)")]
    public async Task Import_NotAClientFile_SaysWhy(string json, string problem)
    {
        using var file = TempRegistry.Write(json, "mcp.json");

        var result = await CliRunner.RunAsync(["config", "import", file.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {file.Path} {problem}", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    private static string PathOf(string example) => RepositoryFiles.PathOf($"tests/Server.Tests/Import/examples/{example}");
}
