using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Tributary.Agents.Kernel;

/// <summary>
/// An MCP tool result as text, for people (the CLI) and for models (agent runs): text blocks as text, other
/// blocks summarised, structured content as JSON.
/// </summary>
public static class ToolResultText
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>
    /// Writes every content block, then the structured content if any. A text block that only repeats the
    /// structured content (as the spec asks servers to do, for older clients) is left out.
    /// </summary>
    public static void Write(TextWriter writer, CallToolResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var block in result.Content)
        {
            if (!(block is TextContentBlock text && result.StructuredContent is { } json && IsSameJson(text.Text, json)))
            {
                writer.WriteLine(Describe(block));
            }
        }

        if (result.StructuredContent is { } structured)
        {
            writer.WriteLine(JsonSerializer.Serialize(structured, s_indented));
        }
    }

    /// <summary>The whole result as one text, as <see cref="Write"/> writes it.</summary>
    public static string Of(CallToolResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, result);
        return writer.ToString().TrimEnd('\n', '\r');
    }

    /// <summary>A text block's text, or a one-line summary of any other block.</summary>
    public static string Describe(ContentBlock block) => block switch
    {
        TextContentBlock text => text.Text,
        ImageContentBlock image => Summary("image", image.MimeType, image.DecodedData.Length),
        AudioContentBlock audio => Summary("audio", audio.MimeType, audio.DecodedData.Length),
        EmbeddedResourceBlock { Resource: TextResourceContents text } => Summary($"resource {text.Uri}", text.MimeType, Encoding.UTF8.GetByteCount(text.Text)),
        EmbeddedResourceBlock { Resource: BlobResourceContents blob } => Summary($"resource {blob.Uri}", blob.MimeType, blob.DecodedData.Length),
        ResourceLinkBlock link => $"[resource link {link.Uri}{(link.MimeType is null ? string.Empty : $" {link.MimeType}")}]",
        _ => $"[{block.Type} content]",
    };

    private static bool IsSameJson(string text, JsonElement structured)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return JsonElement.DeepEquals(document.RootElement, structured);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Summary(string what, string? mimeType, int bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"[{what}{(mimeType is null ? string.Empty : $" {mimeType}")}, {bytes} bytes]");
}
