using System.Text.Json.Nodes;

namespace Tributary.Server.Tests.Cli;

public sealed class ConnectCommandTests
{
    private const string Key = "k3y-0f-th3-h0st-7c1e9a";
    private static readonly Dictionary<string, string> s_withKey = new() { ["TRIBUTARY_MCP_KEY"] = Key };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("claude-code", "claude mcp add --transport http --scope user tributary http://127.0.0.1:8420/mcp --header \"Authorization: Bearer $TRIBUTARY_MCP_KEY\"")]
    [InlineData("inspector", "npx -y @modelcontextprotocol/inspector@latest --cli http://127.0.0.1:8420/mcp --transport http --method tools/list --header \"Authorization: Bearer $TRIBUTARY_MCP_KEY\"")]
    public async Task Connect_CommandClientWithKey_ReferencesTheVariable(string client, string command)
    {
        var result = await CliRunner.RunAsync(["connect", client], s_withKey, error: null, Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([command], result.OutputLines);
        Assert.DoesNotContain(Key, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vscode", "/servers/tributary/url", "/servers/tributary/headers/Authorization", "Bearer ${input:tributary-key}")]
    [InlineData("cursor", "/mcpServers/tributary/url", "/mcpServers/tributary/headers/Authorization", "Bearer ${env:TRIBUTARY_MCP_KEY}")]
    [InlineData("claude-desktop", "/mcpServers/tributary/args/2", "/mcpServers/tributary/env/AUTH_HEADER", "Bearer <the value of TRIBUTARY_MCP_KEY>")]
    public async Task Connect_JsonClientWithKey_PrintsItsConfigWithoutTheKey(string client, string urlAt, string headerAt, string header)
    {
        var result = await CliRunner.RunAsync(["connect", client], s_withKey, error: null, Token);

        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Output)!;
        Assert.Equal("http://127.0.0.1:8420/mcp", At(json, urlAt));
        Assert.Equal(header, At(json, headerAt));
        Assert.DoesNotContain(Key, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_VsCodeWithKey_AsksForItAsAPasswordInput()
    {
        var result = await CliRunner.RunAsync(["connect", "vscode"], s_withKey, error: null, Token);

        var input = JsonNode.Parse(result.Output)!["inputs"]![0]!;
        Assert.Equal("tributary-key", input["id"]!.GetValue<string>());
        Assert.True(input["password"]!.GetValue<bool>());
        Assert.Equal(["Put it in .vscode/mcp.json (or merge its 'inputs' and 'servers' into it); VS Code asks for the key once and keeps it."], result.ErrorLines);
    }

    [Fact]
    public async Task Connect_ShowKey_WritesTheKeyItself()
    {
        var result = await CliRunner.RunAsync(["connect", "claude-code", "--show-key"], s_withKey, error: null, Token);

        Assert.Equal([$"claude mcp add --transport http --scope user tributary http://127.0.0.1:8420/mcp --header 'Authorization: Bearer {Key}'"], result.OutputLines);
    }

    [Fact]
    public async Task Connect_NoKeySet_SendsNoHeader()
    {
        var result = await CliRunner.RunAsync(["connect", "cursor"], Token);

        Assert.Equal("{\n  \"mcpServers\": {\n    \"tributary\": {\n      \"url\": \"http://127.0.0.1:8420/mcp\"\n    }\n  }\n}\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("http://0.0.0.0:9000;http://localhost:9001", "http://127.0.0.1:9000/mcp")]
    [InlineData("http://[::]:8420", "http://127.0.0.1:8420/mcp")]
    [InlineData("https://tributary.internal:8443", "https://tributary.internal:8443/mcp")]
    public async Task Connect_ListeningAddress_IsTheOneClientsUse(string urls, string expected)
    {
        var result = await CliRunner.RunAsync(["connect", "claude-code"], new Dictionary<string, string> { ["TRIBUTARY_URLS"] = urls }, error: null, Token);

        Assert.Equal([$"claude mcp add --transport http --scope user tributary {expected}"], result.OutputLines);
    }

    [Fact]
    public async Task Connect_ConfigFileHostUrls_IsWhereClientsGoUnlessTheVariableSaysOtherwise()
    {
        using var registry = TempRegistry.Write("""
            host:
              urls: [http://0.0.0.0:9555]
            """);

        var fromFile = await CliRunner.RunAsync(["connect", "claude-code", "--config", registry.Path], Token);
        var fromVariable = await CliRunner.RunAsync(["connect", "claude-code", "--config", registry.Path], new Dictionary<string, string> { ["TRIBUTARY_URLS"] = "http://127.0.0.1:9666" }, error: null, Token);

        Assert.Equal(["claude mcp add --transport http --scope user tributary http://127.0.0.1:9555/mcp"], fromFile.OutputLines);
        Assert.Equal(["claude mcp add --transport http --scope user tributary http://127.0.0.1:9666/mcp"], fromVariable.OutputLines);
    }

    [Fact]
    public async Task Connect_UrlOption_IsUsedAsGiven()
    {
        var result = await CliRunner.RunAsync(["connect", "inspector", "--url", "https://mcp.example.com/mcp"], Token);

        Assert.Equal(["npx -y @modelcontextprotocol/inspector@latest --cli https://mcp.example.com/mcp --transport http --method tools/list"], result.OutputLines);
    }

    [Fact]
    public async Task Connect_UnknownClient_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(["connect", "emacs"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("Argument 'emacs' not recognized. Must be one of:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_CursorSnippet_ImportsBackAsAServerReadingTheKeyVariable()
    {
        var connect = await CliRunner.RunAsync(["connect", "cursor"], s_withKey, error: null, Token);
        using var snippet = TempRegistry.Write(connect.Output, "mcp.json");

        var imported = await CliRunner.RunAsync(["config", "import", snippet.Path], Token);

        Assert.Contains("      Authorization: \"Bearer ${TRIBUTARY_MCP_KEY}\"", imported.OutputLines);
    }

    private static string At(JsonNode json, string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(json, (n, p) => int.TryParse(p, out int i) ? n[i]! : n[p]!).GetValue<string>();
}
