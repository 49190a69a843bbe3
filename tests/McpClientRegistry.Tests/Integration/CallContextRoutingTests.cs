using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;
using Tributary.TestSupport.InProcess;

#pragma warning disable MCP9005 // Logging and sampling are part of 2025-11-25, which these sessions speak.

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// <see cref="McpConnectionManager.CallToolAsync"/> hands what a streamable HTTP upstream sends about a call (log
/// messages, sampling, elicitation) to that call's <see cref="CallContext"/>, with two calls to it in flight at once.
/// </summary>
public sealed class CallContextRoutingTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_TwoCallsInFlightAtOnce_EachCallsContextGetsOnlyItsOwnLogsAndRequests()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeInterviewTool = true }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  up:\n    url: {upstream.Url}\n", output);
        var alice = new Caller("alice");
        var bob = new Caller("bob");

        var results = await Task.WhenAll(
            registry.Manager.CallToolAsync("up", "interview", new Dictionary<string, object?> { ["who"] = "alice" }, alice.Context, Token),
            registry.Manager.CallToolAsync("up", "interview", new Dictionary<string, object?> { ["who"] = "bob" }, bob.Context, Token)).WaitAsync(LiveRegistry.Bound, Token);

        Assert.Equal("alice: the model said I am alice; the user chose accept", Text(results[0]));
        Assert.Equal("bob: the model said I am bob; the user chose accept", Text(results[1]));
        Assert.Equal(["interviewing alice", "What does alice want?", "Is this alice?"], alice.Seen);
        Assert.Equal(["interviewing bob", "What does bob want?", "Is this bob?"], bob.Seen);
    }

    [Fact]
    public async Task CallTool_CallerTakesNoRequests_TheUpstreamIsToldNobodyCanAnswer()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeRelayTools = true }, Token);
        await using var registry = LiveRegistry.Create($"mcp_servers:\n  up:\n    url: {upstream.Url}\n", output);

        // The test upstream lets the failed request fail its tools/call.
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() =>
            registry.Manager.CallToolAsync("up", "ask", new Dictionary<string, object?> { ["question"] = "Anyone?" }, CallContext.None, Token));

        Assert.EndsWith(
            "Tributary cannot answer a request from MCP server 'up' here: nothing is connected that could (sampling and elicitation reach a client of /mcp only during its tool calls)",
            error.Message,
            StringComparison.Ordinal);
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    /// <summary>One caller: it answers as <c>who</c> and keeps, in order, the log data, prompts and questions it got.</summary>
    private sealed class Caller(string who) : IUpstreamRequestRelay
    {
        private readonly List<string> _seen = [];

        public CallContext Context => new() { Log = message => Add(message.Data.ToString()), Requests = this };

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public ValueTask<CreateMessageResult> SampleAsync(string serverName, CreateMessageRequestParams request, CancellationToken cancellationToken)
        {
            Add(string.Concat(request.Messages.SelectMany(m => m.Content).OfType<TextContentBlock>().Select(b => b.Text)));
            return ValueTask.FromResult(new CreateMessageResult { Model = "m", Role = Role.Assistant, Content = [new TextContentBlock { Text = $"I am {who}" }] });
        }

        public ValueTask<ElicitResult> ElicitAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken)
        {
            Add(request.Message);
            return ValueTask.FromResult(new ElicitResult { Action = "accept" });
        }

        private void Add(string text)
        {
            lock (_seen)
            {
                _seen.Add(text);
            }
        }
    }
}
