using System.Text.Json;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Conformance;
using Tributary.Server.Tests.Host;
using Tributary.Server.Tests.Webhooks;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// Two TypeScript-SDK clients, each in its own <c>/mcp</c> session, call the same upstream tool at once; the tool waits
/// until both calls are in flight, then logs, samples and elicits. What the upstream sends about a call reaches only
/// the client that made it, and what the upstream cannot be told apart for reaches neither.
/// </summary>
public sealed class CatalogToolCallTests
{
    private const int UnattributedLogEventId = 3103;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_TwoClientsCallAStreamableHttpUpstreamAtOnce_EachGetsOnlyItsOwnLogsAndRequestsAndItsAnswersReachItsOwnCall()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "up", IncludeInterviewTool = true }, Token);
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("up", upstream.Url), Token);

        var (alice, bob) = await InterviewBothAsync(host, "up__interview");

        Assert.Equal(["What does alice want?"], Strings(alice, "asked"));
        Assert.Equal(["Is this alice?"], Strings(alice, "elicited"));
        Assert.Equal(["up/interview info: interviewing alice"], Strings(alice, "logs"));
        Assert.Equal("alice: the model said I am alice; the user chose accept", alice.GetProperty("result").GetString());
        Assert.Equal(["What does bob want?"], Strings(bob, "asked"));
        Assert.Equal(["Is this bob?"], Strings(bob, "elicited"));
        Assert.Equal(["up/interview info: interviewing bob"], Strings(bob, "logs"));
        Assert.Equal("bob: the model said I am bob; the user chose accept", bob.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Call_TwoClientsCallAStdioUpstreamAtOnce_TheUpstreamIsToldItsRequestsCannotBeAttributedAndNoClientIsAsked()
    {
        var logs = new WaitableLogs();
        await using var host = await RunningHost.StartAsync(TempRegistry.InterviewUpstreamStdio(), logs, Token);

        var (alice, bob) = await InterviewBothAsync(host, "interview__interview");

        foreach (var (who, summary) in new[] { ("alice", alice), ("bob", bob) })
        {
            Assert.Empty(Strings(summary, "asked"));
            Assert.Empty(Strings(summary, "elicited"));
            Assert.Empty(Strings(summary, "logs"));
            Assert.Equal(
                $"{who}: sampling failed: MCP error -32603: Tributary cannot tell which of the 2 calls in flight to MCP server 'interview' this sampling/createMessage belongs to, so it was not forwarded to any client; "
                    + "elicitation failed: MCP error -32603: Tributary cannot tell which of the 2 calls in flight to MCP server 'interview' this elicitation/create belongs to, so it was not forwarded to any client",
                summary.GetProperty("result").GetString());
        }

        // Sent while both calls were in flight, so about either: Tributary's own log has them, no client does.
        var logged = new[] { (await logs.WaitForAsync(UnattributedLogEventId, 1)).Message, (await logs.WaitForAsync(UnattributedLogEventId, 2)).Message };
        Assert.Equal(
            ["MCP server interview logged outside any one call (Info, logger 'interview'): interviewing alice", "MCP server interview logged outside any one call (Info, logger 'interview'): interviewing bob"],
            logged.Order(StringComparer.Ordinal));
    }

    private static async Task<(JsonElement Alice, JsonElement Bob)> InterviewBothAsync(RunningHost host, string tool)
    {
        var url = new Uri(host.BaseAddress, "/mcp").ToString();
        var alice = TypeScriptScript.RunForSummaryAsync("ts-client-interview.mjs", [url, tool, "alice"], "{\"asked\"");
        var bob = TypeScriptScript.RunForSummaryAsync("ts-client-interview.mjs", [url, tool, "bob"], "{\"asked\"");
        using var aliceSummary = await alice;
        using var bobSummary = await bob;
        return (aliceSummary.RootElement.Clone(), bobSummary.RootElement.Clone());
    }

    private static string[] Strings(JsonElement summary, string property) =>
        [.. summary.GetProperty(property).EnumerateArray().Select(e => e.GetString() ?? "(null)")];
}
