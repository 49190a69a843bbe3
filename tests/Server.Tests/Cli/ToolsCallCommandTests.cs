using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Cli;

public sealed class ToolsCallCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ToolsCall_Echo_PrintsTheTextAndExitsZero()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__echo", "--args", """{"message":"hi"}""", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Echo: hi"], result.OutputLines);
        Assert.Equal("connecting to 1 server...", result.ErrorLines[0]);
    }

    [Fact]
    public async Task ToolsCall_GetSumWithNumbers_PrintsTheSum()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__get-sum", "--args", """{"a": 2, "b": 3.5}""", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["The sum of 2 and 3.5 is 5.5."], result.OutputLines);
    }

    [Fact]
    public async Task ToolsCall_Image_SummarisesTheImageBlock()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__get-tiny-image", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["Here's the image you requested:", "[image image/png, 4033 bytes]", "The image above is the MCP logo."],
            result.OutputLines);
    }

    [Fact]
    public async Task ToolsCall_StructuredContent_PrintsIndentedJsonOnce()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__get-structured-content", "--args", """{"location":"New York"}""", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["{", "  \"temperature\": 33,", "  \"conditions\": \"Cloudy\",", "  \"humidity\": 82", "}"], result.OutputLines);
    }

    [Fact]
    public async Task ToolsCall_LongRunningOperation_WritesProgressToStderr()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__trigger-long-running-operation", "--args", """{"duration":1,"steps":2}""", "--config", registry.Path], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Long running operation completed. Duration: 1 seconds, Steps: 2."], result.OutputLines);
        // The last tick may be lost in transit (see PLATFORM-NOTES), so only the first is certain.
        Assert.Contains("progress 1/2", result.ErrorLines);
    }

    [Fact]
    public async Task ToolsCall_UnknownTool_ExitsOneWithTheCatalogMessage()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__nope", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no tool named 'everything__nope' is available; 'tributary tools list' shows the names", result.ErrorLines[^1]);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task ToolsCall_ToolOfUnreachableServer_ExitsOneNamingTheServerAndWhy()
    {
        var port = FreePort.Next();
        using var registry = TempRegistry.Write($"""
            mcp_servers:
              broken:
                url: http://127.0.0.1:{port}/mcp
            """);

        var result = await CliRunner.RunAsync(["tools", "call", "broken__anything", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: no tool named 'broken__anything' is available: server 'broken' failed: Connection refused (127.0.0.1:{port})", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task ToolsCall_ResultIsError_PrintsItsTextToStderrAndExitsOne()
    {
        using var registry = TempRegistry.Write($"mcp_servers:\n{TempRegistry.EverythingStdio()}");

        var result = await CliRunner.RunAsync(["tools", "call", "everything__get-sum", "--args", """{"a":"x","b":1}""", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            "MCP error -32602: Input validation error: Invalid arguments for tool get-sum: Invalid input: expected number, received string at a",
            result.ErrorLines[^1]);
    }

    [Theory]
    [InlineData("{a", "error: --args is not valid JSON: 'a' is an invalid start of a property name. Expected a '\"'. LineNumber: 0 | BytePositionInLine: 1.")]
    [InlineData("[1, 2]", "error: --args must be a JSON object of argument names and values, such as {\"message\":\"hi\"}, not an array")]
    [InlineData("\"hi\"", "error: --args must be a JSON object of argument names and values, such as {\"message\":\"hi\"}, not a string")]
    [InlineData("null", "error: --args must be a JSON object of argument names and values, such as {\"message\":\"hi\"}, not null")]
    public async Task ToolsCall_BadArgs_ExitsTwoNamingTheProblem(string args, string expected)
    {
        // Checked before the registry is read: the file does not even exist.
        var result = await CliRunner.RunAsync(["tools", "call", "everything__echo", "--args", args, "--config", "/nonexistent/tributary.yml"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expected], result.ErrorLines);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task ToolsCall_NoName_IsAUsageErrorExitingTwo()
    {
        var result = await CliRunner.RunAsync(["tools", "call"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument missing for command: 'call'.", result.ErrorLines);
    }
}
