using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Cli;

public sealed class TributaryCommandLineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InvokeAsync_NoArguments_RunsServe()
    {
        var result = await CliRunner.RunAsync([], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: config file not found: config/tributary.yml", result.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Help_PrintsCommandsAndExitsZero()
    {
        var result = await CliRunner.RunAsync(["--help"], Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  tributary [command] [options]", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("  config  ", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("  tools   ", StringComparison.Ordinal));
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task InvokeAsync_UnknownCommand_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(["frobnicate"], Token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'.", result.ErrorLines);
    }

    [Fact]
    public async Task InvokeAsync_CancelledWhileConnecting_SaysSoAndExits130()
    {
        await using var hung = HungServer.Start();
        using var registry = TempRegistry.Write($"""
            mcp_servers:
              hung:
                url: {hung.Url}
                connect_timeout: 5m
            """);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var error = new LineWriter();
        var connecting = error.WhenLineWritten("connecting to 1 server...");

        var run = CliRunner.RunAsync(["tools", "list", "--config", registry.Path], variables: null, error, cancellation.Token);
        await connecting;
        await cancellation.CancelAsync();
        var result = await run;

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(["connecting to 1 server...", "cancelled"], result.ErrorLines);
        Assert.Equal(string.Empty, result.Output);
    }
}
