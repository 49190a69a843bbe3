using ModelContextProtocol.Client;
using Tributary.TestSupport.Network;

namespace Tributary.McpClientRegistry.Tests.TestSupport;

public sealed class HungServerTests
{
    [Fact]
    public async Task Connect_ServerNeverAnswers_TimesOut()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = HungServer.Start();

        await Assert.ThrowsAsync<TimeoutException>(() => RawClient.ConnectAsync(
            server.Url, HttpTransportMode.StreamableHttp, cancellationToken, initializationTimeout: TimeSpan.FromMilliseconds(500)));

        await server.FirstConnection.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        Assert.True(server.ConnectionCount >= 1);
    }

    [Fact]
    public void FreePort_Next_ReturnsBindablePort()
    {
        var port = FreePort.Next();

        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        listener.Start();
        Assert.InRange(port, 1, 65535);
    }
}
