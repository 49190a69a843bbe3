using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Deploy;

public sealed partial class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(90);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InstalledTool_Version_PrintsVersionAndCommit()
    {
        var result = await tool.RunAsync(tool.NewFolder(), ["--version"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(VersionLine(), result.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task InstalledTool_InitThenConfigCheck_FindsConfigInTheCurrentFolder()
    {
        string folder = tool.NewFolder();

        var init = await tool.RunAsync(folder, ["init"]);
        var check = await tool.RunAsync(folder, ["config", "check"]);

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(0, check.ExitCode);
        Assert.StartsWith("config/tributary.yml: valid, 3 servers (2 enabled)", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstalledTool_ConfigInXdgConfigHome_IsFoundFromAnyFolder()
    {
        string xdg = tool.NewFolder();
        Directory.CreateDirectory(Path.Combine(xdg, "tributary"));
        await File.WriteAllTextAsync(Path.Combine(xdg, "tributary", "tributary.yml"), "mcp_servers:\n  docs:\n    url: https://mcp.example.com/mcp\n", Token);

        var check = await tool.RunAsync(tool.NewFolder(), ["config", "check"], new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = xdg, ["TRIBUTARY_CONFIG"] = string.Empty });

        Assert.Equal(0, check.ExitCode);
        Assert.StartsWith($"{Path.Combine(xdg, "tributary", "tributary.yml")}: valid, 1 server (1 enabled)", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstalledTool_Serve_AnswersTheTypeScriptClientAtTheUrlConnectPrints()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");
        int port = FreePort.Next();
        const string Key = "tool-test-key-5d1f0c";
        var environment = new Dictionary<string, string> { ["TRIBUTARY_URLS"] = $"http://127.0.0.1:{port}", ["TRIBUTARY_MCP_KEY"] = Key };
        await using var serve = NodeProcess.Start(
            new NodeCommand(tool.Command, ["serve", "--config", registry.Path], environment), "tributary serve", TestContext.Current.TestOutputHelper);
        await serve.WaitForOutputLineAsync(l => l.Contains("Application started.", StringComparison.Ordinal), Token).WaitAsync(s_bound, Token);

        var connect = await tool.RunAsync(tool.NewFolder(), ["connect", "cursor"], environment);
        var entry = JsonNode.Parse(connect.Output)!["mcpServers"]!["tributary"]!;
        string url = entry["url"]!.GetValue<string>();
        Assert.Equal($"http://127.0.0.1:{port}/mcp", url);
        Assert.Equal("Bearer ${env:TRIBUTARY_MCP_KEY}", entry["headers"]!["Authorization"]!.GetValue<string>());

        await using var client = NodeProcess.Start(
            new NodeCommand(NodeTools.SystemNode, [Path.Combine(NodeTools.NpmRoot, "scripts", "ts-client-key.mjs"), url, "everything__echo", "{\"message\":\"through the installed tool\"}"], new Dictionary<string, string> { ["TRIBUTARY_MCP_KEY"] = Key }),
            "ts-client-key",
            TestContext.Current.TestOutputHelper);
        string line = await client.WaitForOutputLineAsync(l => l.StartsWith('{'), Token).WaitAsync(s_bound, Token);
        using var summary = JsonDocument.Parse(line);

        Assert.Contains("everything__echo", summary.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("Echo: through the installed tool", summary.RootElement.GetProperty("result").GetString());
        Assert.False(summary.RootElement.GetProperty("isError").GetBoolean());
    }

    [GeneratedRegex(@"^tributary 0\.1\.0 \(commit [0-9a-f]{40}\)$")]
    private static partial Regex VersionLine();
}
