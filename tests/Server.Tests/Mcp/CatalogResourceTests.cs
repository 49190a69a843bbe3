using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Mcp;

[Collection(EverythingHostGroup.Name)]
public sealed class CatalogResourceTests(EverythingHost everything)
{
    private const string StaticDocument = "demo://resource/static/document/features.md";
    private const string TextTemplate = "demo://resource/dynamic/text/{resourceId}";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAndRead_EverythingOverStdio_UrisUnchangedAndContentAsReadDirectly()
    {
        await using var direct = await McpClient.CreateAsync(
            new StdioClientTransport(NpmServers.Everything().ToStdioOptions("everything-direct")),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: Token);
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var upstream = await direct.ListResourcesAsync(cancellationToken: Token);
        var exposed = await client.ListResourcesAsync(cancellationToken: Token);
        var expected = await direct.ReadResourceAsync(StaticDocument, cancellationToken: Token);
        var actual = await client.ReadResourceAsync(StaticDocument, cancellationToken: Token);

        Assert.Contains(upstream, r => r.Uri == StaticDocument);
        Assert.Equal(upstream.Select(r => r.Uri).Order(StringComparer.Ordinal), exposed.Select(r => r.Uri).Order(StringComparer.Ordinal));
        Assert.Equal(upstream.Select(r => r.MimeType), exposed.Select(r => r.MimeType));
        var expectedText = Assert.IsType<TextResourceContents>(Assert.Single(expected.Contents));
        var actualText = Assert.IsType<TextResourceContents>(Assert.Single(actual.Contents));
        Assert.Equal(StaticDocument, actualText.Uri);
        Assert.Equal(expectedText.MimeType, actualText.MimeType);
        Assert.Equal(expectedText.Text, actualText.Text);
    }

    [Fact]
    public async Task ListTemplatesAndRead_EverythingOverStdio_TemplatesUnchangedAndReadThroughThem()
    {
        await using var client = await everything.Host.ConnectClientAsync(Token);

        var templates = await client.ListResourceTemplatesAsync(cancellationToken: Token);
        var read = await client.ReadResourceAsync("demo://resource/dynamic/text/7", cancellationToken: Token);

        Assert.Contains(templates, t => t.UriTemplate == TextTemplate && t.MimeType == "text/plain");
        Assert.Contains(templates, t => t.UriTemplate == "demo://resource/dynamic/blob/{resourceId}");
        var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal("demo://resource/dynamic/text/7", text.Uri);
        Assert.StartsWith("Resource 7: This is a plaintext resource created at ", text.Text, StringComparison.Ordinal);
    }
}
