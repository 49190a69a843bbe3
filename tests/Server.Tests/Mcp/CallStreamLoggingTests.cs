using System.Text.Json;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// Log messages an upstream sends during a call reach the calling client on that call's own response stream, in
/// order and before the result, also for a client that never opened the session's standalone GET stream (the
/// SDK drops notifications meant for that stream until it is open, which lost them in a race with the call).
/// </summary>
public sealed class CallStreamLoggingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_UpstreamLogsRightBeforeItsResult_LogsComeFirstOnTheCallsStreamInOrder() =>
        Assert.Equal(
            [
                "notifications/message conformance/conformance-upstream info: tool started",
                "notifications/message conformance/conformance-upstream info: tool working",
                "notifications/message conformance/conformance-upstream info: tool done",
                "result: logged three messages",
            ],
            await CallLoggingToolAsync(level: "debug"));

    [Fact]
    public async Task CallTool_SessionChoseNoLevel_OnlyTheResultComes() =>
        Assert.Equal(["result: logged three messages"], await CallLoggingToolAsync(level: null));

    [Fact]
    public async Task CallTool_LevelAboveTheMessages_OnlyTheResultComes() =>
        Assert.Equal(["result: logged three messages"], await CallLoggingToolAsync(level: "warning"));

    // The conformance upstream's tool sends three info messages back to back, then its result.
    private static async Task<IEnumerable<string>> CallLoggingToolAsync(string? level)
    {
        await using var host = await RunningHost.StartAsync(TempRegistry.ConformanceUpstreamStdio(), Token);
        using var session = await RawMcpSession.StartAsync(new Uri(host.BaseAddress, "/mcp"), Token, host.Http);
        if (level is not null)
        {
            await session.RequestAsync("logging/setLevel", $$"""{"level":"{{level}}"}""", Token);
        }

        var messages = await session.RequestAsync("tools/call", """{"name":"test_tool_with_logging","arguments":{}}""", Token);
        return messages.Select(Describe).ToArray();
    }

    private static string Describe(JsonElement message) =>
        message.TryGetProperty("method", out var method)
            ? $"{method.GetString()} {message.GetProperty("params").GetProperty("logger").GetString()} {message.GetProperty("params").GetProperty("level").GetString()}: {message.GetProperty("params").GetProperty("data").GetString()}"
            : $"result: {message.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()}";
}
