using System.Text.Json;
using Tributary.Server.Tests.Host;
using Tributary.Server.Tests.Mcp;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// The TypeScript SDK's client (<c>npm/scripts/ts-client-catalog.mjs</c>) reads the catalog through
/// streamable HTTP at <c>/mcp</c> and through the legacy SSE endpoint at <c>/mcp/sse</c>: tools, a call,
/// a resource and a prompt of server-everything.
/// </summary>
[Collection(EverythingHostGroup.Name)]
public sealed class TypeScriptClientCatalogTests(EverythingHost everything)
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("streamable-http", "/mcp")]
    [InlineData("sse", "/mcp/sse")]
    public async Task TypeScriptClient_Transport_ListsCallsReadsAResourceAndGetsAPrompt(string transport, string path)
    {
        var script = Path.Combine(NodeTools.NpmRoot, "scripts", "ts-client-catalog.mjs");
        var url = new Uri(everything.Host.BaseAddress, path).ToString();
        var command = new NodeCommand(NodeTools.SystemNode, [script, url, transport], new Dictionary<string, string>());
        await using var client = NodeProcess.Start(command, $"ts-client-catalog:{transport}", TestContext.Current.TestOutputHelper);

        var line = await client.WaitForOutputLineAsync(l => l.StartsWith("{\"tools\"", StringComparison.Ordinal), Token).WaitAsync(s_bound, Token);
        await client.Exited.WaitAsync(s_bound, Token);

        Assert.True(client.ExitCode == 0, $"ts-client-catalog exited with {client.ExitCode}:{Environment.NewLine}{client.Output}");
        using var summary = JsonDocument.Parse(line);
        var root = summary.RootElement;
        Assert.Contains("everything__echo", root.GetProperty("tools").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Echo: hi", root.GetProperty("echo").GetString());
        var resource = root.GetProperty("resource");
        Assert.Equal("demo://resource/static/document/features.md", resource.GetProperty("uri").GetString());
        Assert.Equal("text/markdown", resource.GetProperty("mimeType").GetString());
        Assert.False(string.IsNullOrEmpty(resource.GetProperty("text").GetString()));
        Assert.Equal(["This is a simple prompt without arguments."], root.GetProperty("prompt").EnumerateArray().Select(e => e.GetString()));
    }
}
