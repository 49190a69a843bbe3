using System.Net;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.TestSupport;

public sealed class TestMcpServerTests(ITestOutputHelper output)
{
    private static readonly string s_longName = new('n', 70);
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task CallTool_OddNames_AnswerWithServerToolAndArguments(HttpTransportMode mode)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { ServerName = "alpha", Tools = ["get.data", "has space", s_longName], Output = output },
            cancellationToken);
        var endpoint = mode == HttpTransportMode.Sse ? server.SseUrl : server.Url;
        await using var client = await RawClient.ConnectAsync(endpoint, mode, cancellationToken);

        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
        var dotted = await RawClient.CallTextAsync(client, "get.data", new Dictionary<string, object?> { ["id"] = 7 }, cancellationToken);
        var spaced = await RawClient.CallTextAsync(client, "has space", new Dictionary<string, object?>(), cancellationToken);
        var longer = await RawClient.CallTextAsync(client, s_longName, new Dictionary<string, object?> { ["q"] = "x y" }, cancellationToken);

        Assert.Equal(["get.data", "has space", s_longName], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal("alpha", client.ServerInfo?.Name);
        Assert.Equal("""alpha:get.data:{"id":7}""", dotted);
        Assert.Equal("alpha:has space:{}", spaced);
        Assert.Equal($$"""alpha:{{s_longName}}:{"q":"x y"}""", longer);
    }

    [Fact]
    public async Task Connect_RequiredHeaderMissing_Gets401()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { RequiredHeader = new RequiredHeader("X-Api-Key", "s3cret"), Output = output },
            cancellationToken);

        var rejected = await Assert.ThrowsAsync<HttpRequestException>(
            () => RawClient.ConnectAsync(server.Url, HttpTransportMode.StreamableHttp, cancellationToken));
        var countAfterRejection = server.RequestCount;
        await using var client = await RawClient.ConnectAsync(
            server.Url, HttpTransportMode.StreamableHttp, cancellationToken, new Dictionary<string, string> { ["X-Api-Key"] = "s3cret" });

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.True(countAfterRejection >= 1);
        Assert.Equal("test:echo:{}", await RawClient.CallTextAsync(client, "echo", new Dictionary<string, object?>(), cancellationToken));
    }

    [Theory]
    [InlineData(HttpTransportMode.StreamableHttp)]
    [InlineData(HttpTransportMode.Sse)]
    public async Task CallTool_Hang_RunsUntilCancelledOrTheSessionEnds(HttpTransportMode mode)
    {
        // Cancelling the client's call ends it on the client at once; the server's handler learns of it from a
        // notifications/cancelled (when the transport sends one, which races with the next line) or, at the latest,
        // when the session ends.
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await TestMcpServer.StartAsync(
            new TestMcpServerOptions { IncludeHangTool = true, Output = output }, cancellationToken);
        var client = await RawClient.ConnectAsync(mode == HttpTransportMode.Sse ? server.SseUrl : server.Url, mode, cancellationToken);
        await client.ListToolsAsync(cancellationToken: cancellationToken);
        using var callCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var call = client.CallToolAsync("hang", cancellationToken: callCancellation.Token).AsTask();
        await server.HangStarted.WaitAsync(s_bound, cancellationToken);
        Assert.False(call.IsCompleted);
        await callCancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await client.DisposeAsync();

        await server.HangCancelled.WaitAsync(s_bound, cancellationToken);
    }

    [Fact]
    public async Task AddTool_StatefulSession_ClientGetsListChanged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { Output = output }, cancellationToken);
        await using var client = await RawClient.ConnectAsync(server.Url, HttpTransportMode.StreamableHttp, cancellationToken);
        await client.ListToolsAsync(cancellationToken: cancellationToken);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = client.RegisterNotificationHandler(
            NotificationMethods.ToolListChangedNotification,
            (_, _) =>
            {
                changed.TrySetResult();
                return ValueTask.CompletedTask;
            });

        server.AddTool("added");
        await changed.Task.WaitAsync(s_bound, cancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);

        Assert.Contains(tools, t => t.Name == "added");
    }

    [Fact]
    public async Task RestartAsync_SamePort_NewClientConnects()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await TestMcpServer.StartAsync(new TestMcpServerOptions { Output = output }, cancellationToken);
        var url = server.Url;

        await server.StopAsync(cancellationToken);
        await Assert.ThrowsAsync<HttpRequestException>(
            () => RawClient.ConnectAsync(url, HttpTransportMode.StreamableHttp, cancellationToken));
        await server.RestartAsync(cancellationToken);
        await using var client = await RawClient.ConnectAsync(server.Url, HttpTransportMode.StreamableHttp, cancellationToken);

        Assert.Equal(url, server.Url);
        Assert.Equal("test:echo:{}", await RawClient.CallTextAsync(client, "echo", new Dictionary<string, object?>(), cancellationToken));
    }
}
