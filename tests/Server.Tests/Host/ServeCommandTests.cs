using System.Net;
using System.Net.Sockets;
using Tributary.Server.Tests.Cli;

namespace Tributary.Server.Tests.Host;

public sealed class ServeCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_ConfigMissing_ExitsOneBeforeListening()
    {
        var result = await CliRunner.RunAsync(["serve", "--config", "/nonexistent/tributary.yml"], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "error: config file not found: /nonexistent/tributary.yml (looked for /nonexistent/tributary.yml)",
                "Pass --config PATH or set TRIBUTARY_CONFIG to use another file.",
            ],
            result.ErrorLines);
    }

    [Fact]
    public async Task Serve_ConfigInvalid_PrintsEveryErrorAndExitsOne()
    {
        using var registry = TempRegistry.Write("""
            mcp_servers:
              broken:
                transport: carrier-pigeon
            """);

        var result = await CliRunner.RunAsync(["serve", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.ErrorLines, l => l.Contains("carrier-pigeon", StringComparison.Ordinal));
        Assert.Equal($"{registry.Path}: 1 error", result.ErrorLines[^1]);
    }

    // A bare `tributary` is `serve`, and takes its options too.
    [Theory]
    [InlineData("serve")]
    [InlineData("")]
    public async Task Serve_PortTaken_ExitsOneNamingTheAddress(string command)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        using var registry = TempRegistry.Write("mcp_servers:\n" + HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(9)));
        string[] options = ["--config", registry.Path, "--urls", url];

        var result = await CliRunner.RunAsync(command.Length > 0 ? [command, .. options] : options, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot listen on {url}: ", result.ErrorLines[^1], StringComparison.Ordinal);
    }
}
