using System.Globalization;
using System.Text.Json;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Cli;

public sealed class ToolsListCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // server-everything's longest tool name sets the width of the TOOL column.
    private const int ToolColumn = 42;

    [Fact]
    public async Task ToolsList_OneServerUpOneRefusing_ListsToolsAndReportsTheFailedServer()
    {
        var port = FreePort.Next();
        using var registry = TempRegistry.Write($"""
            mcp_servers:
            {TempRegistry.EverythingStdio()}
              broken:
                url: http://127.0.0.1:{port}/mcp
              later:
                url: https://mcp.example.com/mcp
                enabled: false
            """);

        var result = await CliRunner.RunAsync(["tools", "list", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        Assert.Equal("TOOL".PadRight(ToolColumn) + "  SERVER      DESCRIPTION", lines[0]);
        Assert.Contains("everything__echo".PadRight(ToolColumn) + "  everything  Echoes back the input string", lines);
        Assert.Contains("everything__get-sum".PadRight(ToolColumn) + "  everything  Returns the sum of two numbers", lines);
        Assert.Equal(
            [
                "",
                "SERVER      TRANSPORT        STATE      TOOLS  LAST ERROR",
                "everything  stdio            connected  15",
                $"broken      streamable-http  failed     -      Connection refused (127.0.0.1:{port})",
                "later       streamable-http  disabled   -",
            ],
            lines.Skip(16).Take(5));
        Assert.Equal("connecting to 2 servers...", result.ErrorLines[0]);
    }

    [Fact]
    public async Task ToolsList_Json_PrintsOneDocumentWithServersToolsAndCollisions()
    {
        var port = FreePort.Next();
        using var registry = TempRegistry.Write($"""
            mcp_servers:
            {TempRegistry.EverythingStdio()}
              broken:
                url: http://127.0.0.1:{port}/mcp
                description: Nothing listens here
            """);

        var result = await CliRunner.RunAsync(["tools", "list", "--json", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal(registry.Path, root.GetProperty("config").GetString());

        var servers = root.GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(2, servers.Count);
        Assert.Equal("everything", servers[0].GetProperty("name").GetString());
        Assert.Equal("stdio", servers[0].GetProperty("transport").GetString());
        Assert.Equal("connected", servers[0].GetProperty("state").GetString());
        // 13, plus trigger-sampling-request and trigger-elicitation-request: Tributary declares both capabilities.
        Assert.Equal(15, servers[0].GetProperty("toolCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, servers[0].GetProperty("lastError").ValueKind);
        Assert.Equal("broken", servers[1].GetProperty("name").GetString());
        Assert.Equal("streamable-http", servers[1].GetProperty("transport").GetString());
        Assert.Equal("failed", servers[1].GetProperty("state").GetString());
        Assert.Equal(0, servers[1].GetProperty("toolCount").GetInt32());
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Connection refused (127.0.0.1:{port})"), servers[1].GetProperty("lastError").GetString());
        Assert.Equal("Nothing listens here", servers[1].GetProperty("description").GetString());

        var tools = root.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(15, tools.Count);
        var echo = Assert.Single(tools, t => t.GetProperty("name").GetString() == "everything__echo");
        Assert.Equal("everything", echo.GetProperty("server").GetString());
        Assert.Equal("echo", echo.GetProperty("originalName").GetString());
        Assert.Equal("Echoes back the input string", echo.GetProperty("description").GetString());
        Assert.All(tools, t => Assert.StartsWith("everything__", t.GetProperty("name").GetString(), StringComparison.Ordinal));

        Assert.Empty(root.GetProperty("collisions").EnumerateArray());
    }

    [Fact]
    public async Task ToolsList_NotConfiguredServer_ReportedWithItsProblemAndNotContacted()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              secret:
                url: https://mcp.example.com/mcp
                auth_type: bearer
                auth_token_env: TRIBUTARY_TEST_TOKEN
            """);

        var result = await CliRunner.RunAsync(["tools", "list", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no tools available", result.OutputLines[0]);
        var secret = Assert.Single(result.OutputLines, l => l.StartsWith("secret  ", StringComparison.Ordinal));
        Assert.StartsWith("secret  streamable-http  not configured  -      ", secret, StringComparison.Ordinal);
        Assert.Contains("TRIBUTARY_TEST_TOKEN", secret, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task ToolsList_NoToken_ListsTheBuiltInGitLabToolsAndHowToConfigure()
    {
        using var registry = TempRegistry.Write("gitlab:\n  url: https://gitlab.example.com\n");

        var result = await CliRunner.RunAsync(["tools", "list", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutputLines;
        int section = lines.ToList().IndexOf("GITLAB TOOLS (built in, https://gitlab.example.com, not configured)");
        Assert.True(section > 0, result.Output);
        // The longest name, gitlab__post_merge_request_comment, sets the width of the TOOL column.
        Assert.Equal("TOOL".PadRight(34) + "  ACCESS  DESCRIPTION", lines[section + 1]);
        Assert.Equal("gitlab__list_merge_requests".PadRight(34) + "  read    Lists a project's merge requests, most recently updated first: iid, title, state, author, branches, draft flag, labels and web URL.", lines[section + 2]);
        Assert.StartsWith("gitlab__post_merge_request_comment  write   Posts a comment (a note) on a merge request", lines[section + 5], StringComparison.Ordinal);
        Assert.Equal(13, lines.Skip(section + 2).Count(l => l.StartsWith("gitlab__", StringComparison.Ordinal)));
        Assert.Equal("GitLab is not configured: the environment variable GITLAB_TOKEN (gitlab.token_env) is not set. Create a GitLab access token (scope read_api to read; api to post comments and create issues) for https://gitlab.example.com, export it as GITLAB_TOKEN and restart Tributary.", lines[^1]);
    }

    [Fact]
    public async Task ToolsList_JsonWithToken_HasTheGitLabToolsAndNoProblem()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var result = await CliRunner.RunAsync(["tools", "list", "--json", "--config", registry.Path], new Dictionary<string, string> { ["GITLAB_TOKEN"] = "glpat-x" }, null, Token);

        using var document = JsonDocument.Parse(result.Output);
        var gitLab = document.RootElement.GetProperty("gitLab");
        Assert.Equal("https://gitlab.com", gitLab.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, gitLab.GetProperty("problem").ValueKind);
        var tools = gitLab.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(13, tools.Count);
        Assert.Equal(["gitlab__post_merge_request_comment", "gitlab__create_issue"], tools.Where(t => !t.GetProperty("readOnly").GetBoolean()).Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ToolsList_InvalidRegistry_PrintsErrorsAndExitsOne()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              a:
                transport: carrier-pigeon
            """);

        var result = await CliRunner.RunAsync(["tools", "list", "--json", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal($"{registry.Path}: 1 error", result.ErrorLines[^1]);
    }
}
