using System.Text.Json;
using Tributary.Server.Tests.Mcp;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// The TypeScript SDK's client (<c>npm/scripts/ts-client-progress.mjs</c>), which handles messages in the order they
/// arrive, counts the progress that reaches it before a call's result through <c>/mcp</c>.
/// </summary>
[Collection(EverythingHostGroup.Name)]
public sealed class TypeScriptClientProgressTests(EverythingHost everything)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_UpstreamSendsTicksRightBeforeItsResult_EveryTickArrivesFirstAndInOrder()
    {
        var script = Path.Combine(NodeTools.NpmRoot, "scripts", "ts-client-progress.mjs");
        var url = new Uri(everything.Host.BaseAddress, "/mcp").ToString();
        var command = new NodeCommand(
            NodeTools.SystemNode,
            [script, url, "everything__trigger-long-running-operation", """{"duration":0.01,"steps":10}"""],
            new Dictionary<string, string>());
        await using var client = NodeProcess.Start(command, "ts-client-progress", TestContext.Current.TestOutputHelper);

        var line = await client.WaitForOutputLineAsync(l => l.StartsWith("{\"progress\"", StringComparison.Ordinal), Token).WaitAsync(s_bound, Token);
        await client.Exited.WaitAsync(s_bound, Token);

        Assert.True(client.ExitCode == 0, $"ts-client-progress exited with {client.ExitCode}:{Environment.NewLine}{client.Output}");
        using var summary = JsonDocument.Parse(line);
        Assert.Equal(Enumerable.Range(1, 10), summary.RootElement.GetProperty("progress").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("Long running operation completed. Duration: 0.01 seconds, Steps: 10.", summary.RootElement.GetProperty("result").GetString());
    }
}
