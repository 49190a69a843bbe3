using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tributary.Server.Limits;

namespace Tributary.Server.Webhooks;

/// <summary>Reads a delivery's body, never more than the limit, and parses it with a bounded depth.</summary>
internal static class WebhookBody
{
    /// <summary>The deepest nesting accepted; GitLab's payloads are about five levels deep.</summary>
    public const int MaxDepth = 64;

    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/> (chunked bodies included).</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RequestBody.ReadAsync(request.HttpContext, maxBytes, cancellationToken);
    }

    /// <summary>The parsed body, or <see langword="null"/> and what is wrong with it.</summary>
    public static (JsonDocument? Document, string? Problem) Parse(byte[] body)
    {
        try
        {
            return (JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth }), null);
        }
        catch (JsonException e)
        {
            return (null, TooDeep(body) ? WebhookMessages.TooDeep(MaxDepth) : WebhookMessages.NotJson(e.LineNumber, e.BytePositionInLine));
        }
    }

    // The parser's message does not say why it failed in a form worth relying on; a second look at the depth does.
    private static bool TooDeep(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth > MaxDepth)
                {
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth;
        }
    }
}
