using System.Globalization;
using ModelContextProtocol.Client;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.TestSupport;

public sealed class EverythingServerTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, object?> s_hello = new() { ["message"] = "hello" };

    [Fact]
    public async Task StdioCommand_RunsServerEverything_EchoAnswers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var transport = new StdioClientTransport(EverythingServer.StdioCommand.ToStdioOptions("everything"));
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: cancellationToken);

        var text = await RawClient.CallTextAsync(client, "echo", s_hello, cancellationToken);

        Assert.Equal("Echo: hello", text);
    }

    [Theory]
    [InlineData(EverythingTransport.StreamableHttp, "/mcp")]
    [InlineData(EverythingTransport.Sse, "/sse")]
    public async Task StartAsync_Transport_EchoAnswersAtUrl(EverythingTransport transport, string path)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await EverythingServer.StartAsync(transport, output, cancellationToken);
        await using var client = await RawClient.ConnectAsync(server.Url, server.TransportMode, cancellationToken);

        var text = await RawClient.CallTextAsync(client, "echo", s_hello, cancellationToken);

        Assert.Equal("Echo: hello", text);
        Assert.Equal(path, server.Url.AbsolutePath);
        Assert.Equal("127.0.0.1", server.Url.Host);
    }

    [Fact]
    public async Task StartAsync_StreamableHttp_ListensOnLoopbackOnly()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the socket table from /proc/net");
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await EverythingServer.StartAsync(output: output, cancellationToken: cancellationToken);

        var listeners = ListeningAddresses(server.Port);

        Assert.Equal(["0100007F"], listeners);
    }

    [Fact]
    public async Task KillAsync_ThenRestartAsync_SamePortServesNewClients()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await EverythingServer.StartAsync(output: output, cancellationToken: cancellationToken);
        var url = server.Url;
        await using (var before = await RawClient.ConnectAsync(server.Url, server.TransportMode, cancellationToken))
        {
            Assert.Equal("Echo: hello", await RawClient.CallTextAsync(before, "echo", s_hello, cancellationToken));
        }

        await server.KillAsync(cancellationToken);
        Assert.False(server.IsRunning);
        await Assert.ThrowsAnyAsync<Exception>(
            () => RawClient.ConnectAsync(server.Url, server.TransportMode, cancellationToken, initializationTimeout: TimeSpan.FromSeconds(5)));

        await server.RestartAsync(cancellationToken);
        await using var after = await RawClient.ConnectAsync(server.Url, server.TransportMode, cancellationToken);

        Assert.True(server.IsRunning);
        Assert.Equal(url, server.Url);
        Assert.Equal("Echo: hello", await RawClient.CallTextAsync(after, "echo", s_hello, cancellationToken));
    }

    /// <summary>The local addresses (hex, as /proc/net prints them) listening on a TCP port, IPv4 and IPv6.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        const string Listen = "0A";
        var portHex = port.ToString("X4", CultureInfo.InvariantCulture);
        return
        [
            .. new[] { "/proc/net/tcp", "/proc/net/tcp6" }
                .Where(File.Exists)
                .SelectMany(File.ReadLines)
                .Skip(0)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length > 3 && fields[3] == Listen && fields[1].EndsWith(":" + portHex, StringComparison.Ordinal))
                .Select(fields => fields[1].Split(':')[0]),
        ];
    }
}
