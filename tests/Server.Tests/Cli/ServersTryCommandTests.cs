using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Cli;

public sealed class ServersTryCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServersTry_EverythingOverStreamableHttp_ListsItsToolsUnderTheirOwnNames()
    {
        await using var everything = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp, TestContext.Current.TestOutputHelper, Token);

        var result = await CliRunner.RunAsync(["servers", "try", everything.Url.ToString()], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["TOOL", "DESCRIPTION"], result.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(result.OutputLines, line => line.StartsWith("echo ", StringComparison.Ordinal) && line.Contains("Echoes back the input", StringComparison.Ordinal));
        Assert.Matches(@"^\d+ tools, \d+ resources, \d+ resource templates, \d+ prompts$", result.OutputLines[^1]);
    }

    [Fact]
    public async Task ServersTry_CallEchoOverSse_PrintsTheResult()
    {
        await using var everything = await EverythingServer.StartAsync(EverythingTransport.Sse, TestContext.Current.TestOutputHelper, Token);

        var result = await CliRunner.RunAsync(["servers", "try", "--transport", "sse", "--call", "echo", "--args", """{"message":"hi"}""", everything.Url.ToString()], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Echo: hi"], result.OutputLines);
    }

    [Fact]
    public async Task ServersTry_HeaderTheServerRequires_IsSent()
    {
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { RequiredHeader = new RequiredHeader("Authorization", "Bearer s3cret"), Output = TestContext.Current.TestOutputHelper },
            Token);

        var result = await CliRunner.RunAsync(["servers", "try", "-H", "Authorization: Bearer s3cret", "--call", "echo", server.Url.ToString()], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["test:echo:{}"], result.OutputLines);
    }

    [Fact]
    public async Task ServersTry_UnknownTool_ExitsOneSayingSo()
    {
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions(), Token);

        var result = await CliRunner.RunAsync(["servers", "try", "--call", "nope", server.Url.ToString()], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: the server has no tool named 'nope'; without --call the command lists them", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task ServersTry_NothingListening_ExitsOneWithTheReason()
    {
        var port = FreePort.Next();

        var result = await CliRunner.RunAsync(["servers", "try", $"http://127.0.0.1:{port}/mcp"], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: cannot connect to http://127.0.0.1:{port}/mcp: Connection refused (127.0.0.1:{port})", result.ErrorLines[^1]);
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("ftp://example.com/mcp", "error: 'ftp://example.com/mcp' is not an absolute http:// or https:// URL")]
    [InlineData("/mcp", "error: '/mcp' is not an absolute http:// or https:// URL")]
    public async Task ServersTry_NotAnHttpUrl_ExitsTwo(string url, string expected)
    {
        var result = await CliRunner.RunAsync(["servers", "try", url], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expected], result.ErrorLines);
    }

    [Fact]
    public async Task ServersTry_HeaderWithoutColon_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(["servers", "try", "-H", "Bearer x", "http://127.0.0.1:1/mcp"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: --header 'Bearer x' must be 'Name: value', such as 'Authorization: Bearer TOKEN'"], result.ErrorLines);
    }

    [Fact]
    public async Task ServersTry_ArgsWithoutCall_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(["servers", "try", "--args", "{}", "http://127.0.0.1:1/mcp"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: --args needs --call TOOL"], result.ErrorLines);
    }
}
