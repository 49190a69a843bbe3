using System.Text.Json;
using Tributary.Server.Tests.Host;
using Tributary.Server.Tests.Mcp;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// The TypeScript SDK's client (<c>npm/scripts/ts-client-catalog.mjs</c>) reads the catalog through
/// streamable HTTP at <c>/mcp</c> and through the legacy SSE endpoint at <c>/mcp/sse</c>: tools, a call,
/// a resource and a prompt of server-everything.
/// </summary>
[Collection(EverythingHostGroup.Name)]
public sealed class TypeScriptClientCatalogTests(EverythingHost everything)
{
    [Theory]
    [InlineData("streamable-http", "/mcp")]
    [InlineData("sse", "/mcp/sse")]
    public async Task TypeScriptClient_Transport_ListsCallsReadsAResourceAndGetsAPrompt(string transport, string path)
    {
        var url = new Uri(everything.Host.BaseAddress, path).ToString();

        using var summary = await TypeScriptScript.RunForSummaryAsync("ts-client-catalog.mjs", [url, transport], "{\"tools\"");

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
