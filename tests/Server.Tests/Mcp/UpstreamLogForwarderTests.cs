using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.Server.Tests.Webhooks;
using Tributary.TestSupport.InProcess;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28; these sessions speak 2025-11-25, where it is what is tested.

namespace Tributary.Server.Tests.Mcp;

public sealed class UpstreamLogForwarderTests
{
    private static readonly TimeSpan s_eventBound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpstreamLogs_SentDuringTheSessionsCallAtItsLevel_ReachItUnderThePrefixedLogger()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);
        await using var client = await host.ConnectClientAsync(Token);
        var received = new TaskCompletionSource<LoggingMessageNotificationParams>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = client.RegisterNotificationHandler(
            NotificationMethods.LoggingMessageNotification,
            (notification, _) =>
            {
                if (notification.Params?.Deserialize<LoggingMessageNotificationParams>(McpJsonUtilities.DefaultOptions) is { } message)
                {
                    received.TrySetResult(message);
                }

                return ValueTask.CompletedTask;
            });
        await client.SetLoggingLevelAsync(LoggingLevel.Debug, cancellationToken: Token);

        var result = await client.CallToolAsync("up__note", new Dictionary<string, object?> { ["text"] = "hello from up" }, cancellationToken: Token);
        var message = await received.Task.WaitAsync(s_eventBound, Token);

        Assert.NotEqual(true, result.IsError);
        // The upstream names no logger: the server name alone says where the message came from.
        Assert.Equal("up", message.Logger);
        Assert.Equal(LoggingLevel.Info, message.Level);
        Assert.Equal("hello from up", message.Data.GetString());
    }

    [Fact]
    public async Task UpstreamLogs_SentOutsideAnyCall_GoToTributarysLogAndToNoClient()
    {
        var logs = new WaitableLogs();
        await using var host = await RunningHost.StartAsync(TempRegistry.EverythingStdio(), logs, Token);
        await using var client = await host.ConnectClientAsync(Token);
        var received = 0;
        await using var subscription = client.RegisterNotificationHandler(
            NotificationMethods.LoggingMessageNotification,
            (_, _) =>
            {
                Interlocked.Increment(ref received);
                return ValueTask.CompletedTask;
            });
        await client.SetLoggingLevelAsync(LoggingLevel.Debug, cancellationToken: Token);

        // server-everything logs once during the call, then every 5 s outside any call.
        var result = await client.CallToolAsync("everything__toggle-simulated-logging", cancellationToken: Token);
        var outside = await logs.WaitForAsync(3103);

        Assert.NotEqual(true, result.IsError);
        Assert.StartsWith("MCP server everything logged outside any one call (", outside.Message, StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref received));
    }
}
