using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Catalog;
using Tributary.Server.Cli;
using Tributary.Agents.Kernel;

namespace Tributary.Server.Tests.Cli;

public sealed class OutputFormattingTests
{
    [Theory]
    [InlineData("https://mcp.example.com/mcp", "https://mcp.example.com/mcp")]
    [InlineData("https://user:pw@mcp.example.com:8443/mcp?key=1#x", "https://mcp.example.com:8443/mcp")]
    [InlineData("https://${USER}:${PASS}@${HOST}/mcp", "https://${HOST}/mcp")]
    [InlineData("http://host?token=${TOKEN}", "http://host")]
    [InlineData("https://host/a@b/mcp", "https://host/a@b/mcp")]
    public void UrlWithoutSecrets_Url_DropsUserInfoQueryAndFragment(string url, string expected) =>
        Assert.Equal(expected, ServerText.UrlWithoutSecrets(url));

    [Fact]
    public void Describe_NonTextBlocks_SummarisedOnOneLine()
    {
        Assert.Equal("[image image/png, 3 bytes]", ToolResultText.Describe(ImageContentBlock.FromBytes(new byte[] { 1, 2, 3 }, "image/png")));
        Assert.Equal("[audio audio/wav, 2 bytes]", ToolResultText.Describe(AudioContentBlock.FromBytes(new byte[] { 1, 2 }, "audio/wav")));
        Assert.Equal(
            "[resource file:///a.txt text/plain, 5 bytes]",
            ToolResultText.Describe(new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = "file:///a.txt", MimeType = "text/plain", Text = "hello" } }));
        Assert.Equal(
            "[resource file:///a.bin, 4 bytes]",
            ToolResultText.Describe(new EmbeddedResourceBlock { Resource = BlobResourceContents.FromBytes(new byte[] { 1, 2, 3, 4 }, "file:///a.bin") }));
        Assert.Equal(
            "[resource link file:///b.md text/markdown]",
            ToolResultText.Describe(new ResourceLinkBlock { Uri = "file:///b.md", Name = "b", MimeType = "text/markdown" }));
    }

    [Fact]
    public void Write_TextThatDiffersFromStructuredContent_PrintsBoth()
    {
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = "It is sunny." }],
            StructuredContent = System.Text.Json.JsonDocument.Parse("""{"sky":"clear"}""").RootElement,
        };
        using var writer = new StringWriter { NewLine = "\n" };

        ToolResultText.Write(writer, result);

        Assert.Equal("It is sunny.\n{\n  \"sky\": \"clear\"\n}\n", writer.ToString());
    }

    [Fact]
    public void WriteCollisions_RenamedAndHidden_OneLineEach()
    {
        using var writer = new StringWriter { NewLine = "\n" };

        ToolsListText.WriteCollisions(writer,
        [
            new NameCollision("tool", "docs__search", "docs2", "search", "docs", "docs__search_2"),
            new NameCollision("resource", "file:///readme", "docs2", "file:///readme", "docs", null),
        ]);

        Assert.Equal(
            "\nNAME COLLISIONS\n" +
            "tool 'search' of server 'docs2' wanted 'docs__search', which 'docs' kept: exposed as 'docs__search_2'\n" +
            "resource 'file:///readme' of server 'docs2' wanted 'file:///readme', which 'docs' kept: hidden\n",
            writer.ToString());
    }

    [Fact]
    public void WriteCollisions_None_WritesNothing()
    {
        using var writer = new StringWriter();

        ToolsListText.WriteCollisions(writer, []);

        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void Report_WithAndWithoutTotalAndMessage_OneLineEachUntilStopped()
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder) { NewLine = "\n" };
        var progress = new StderrProgress(writer);

        progress.Report(new ProgressNotificationValue { Progress = 1, Total = 4, Message = "reading" });
        progress.Report(new ProgressNotificationValue { Progress = 2.5f });
        progress.Stop();
        progress.Report(new ProgressNotificationValue { Progress = 4, Total = 4 });

        Assert.Equal("progress 1/4: reading\nprogress 2.5\n", builder.ToString());
    }
}
