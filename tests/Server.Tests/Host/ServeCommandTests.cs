using System.Net;
using System.Net.Sockets;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.Network;

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

    [Fact]
    public async Task Serve_HostUrlsInConfig_ListensThere()
    {
        int port = FreePort.Next();
        using var registry = TempRegistry.Write($"mcp_servers: {{}}\nhost:\n  urls: [http://127.0.0.1:{port}]\n");

        var (status, result) = await ServeRun.UntilLiveAsync(["serve", "--config", registry.Path], variables: null, new Uri($"http://127.0.0.1:{port}"), Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, result.ExitCode);
    }

    // host.urls is on a taken port: the command fails on it only when the file's setting is the one used.
    [Fact]
    public async Task Serve_HostUrlsTaken_ExitsOneNamingTheFilesAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        using var registry = TempRegistry.Write($"mcp_servers: {{}}\nhost:\n  urls: [{url}]\n");

        // Were host.urls ignored, the command would serve on the default address until stopped: stop it then.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        var result = await CliRunner.RunAsync(["serve", "--config", registry.Path], deadline.Token);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot listen on {url}: ", result.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Serve_UrlsOptionOrVariable_WinsOverHostUrls(bool option)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = FreePort.Next();
        string url = $"http://127.0.0.1:{port}";
        using var registry = TempRegistry.Write($"mcp_servers: {{}}\nhost:\n  urls: [http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}]\n");
        string[] args = option ? ["serve", "--config", registry.Path, "--urls", url] : ["serve", "--config", registry.Path];
        var variables = option ? null : new Dictionary<string, string> { ["TRIBUTARY_URLS"] = url };

        var (status, result) = await ServeRun.UntilLiveAsync(args, variables, new Uri(url), Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Serve_HostSectionInvalid_PrintsTheErrorAndExitsOne()
    {
        using var registry = TempRegistry.Write("mcp_servers: {}\nhost:\n  urls: [\"127.0.0.1:8420\"]\n");

        var result = await CliRunner.RunAsync(["serve", "--config", registry.Path], Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"{registry.Path}:3:10: host.urls[0]: '127.0.0.1:8420' is not a listen address; write the scheme, host and port with no path, e.g. 'http://127.0.0.1:8420' (this machine only) or 'http://0.0.0.0:8420' (every interface)",
            result.ErrorLines);
    }
}
