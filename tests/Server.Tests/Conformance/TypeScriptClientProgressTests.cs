using System.Text.Json;
using Tributary.Server.Tests.Mcp;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// The TypeScript SDK's client (<c>npm/scripts/ts-client-progress.mjs</c>), which handles messages in the order they
/// arrive, counts the progress that reaches it before a call's result through <c>/mcp</c>.
/// </summary>
[Collection(EverythingHostGroup.Name)]
public sealed class TypeScriptClientProgressTests(EverythingHost everything)
{
    [Fact]
    public async Task CallTool_UpstreamSendsTicksRightBeforeItsResult_EveryTickArrivesFirstAndInOrder()
    {
        var url = new Uri(everything.Host.BaseAddress, "/mcp").ToString();

        using var summary = await TypeScriptScript.RunForSummaryAsync(
            "ts-client-progress.mjs",
            [url, "everything__trigger-long-running-operation", """{"duration":0.01,"steps":10}"""],
            "{\"progress\"");

        Assert.Equal(Enumerable.Range(1, 10), summary.RootElement.GetProperty("progress").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("Long running operation completed. Duration: 0.01 seconds, Steps: 10.", summary.RootElement.GetProperty("result").GetString());
    }
}
