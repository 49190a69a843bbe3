using System.Text.Json.Nodes;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The key of the call a server's message came with, written into the message's <c>params._meta</c> by
/// <see cref="StreamableHttpToolCalls"/> as it reads the call's own response, and read back (and removed) here by whoever
/// handles the message.
/// </summary>
/// <remarks>
/// The key is the call's progress token, which only the server the call went to ever sees; and each connection has
/// its own <see cref="InFlightCalls"/>, so a server that forged the mark could only name one of its own calls.
/// </remarks>
internal static class CallMarker
{
    /// <summary>The <c>_meta</c> property that holds the key.</summary>
    public const string MetaKey = "dev.tributary/call";

    /// <summary>Writes <paramref name="key"/> into a request's or notification's <paramref name="parameters"/>, when they are an object.</summary>
    public static void Mark(JsonNode? parameters, string key)
    {
        if (parameters is not JsonObject fields)
        {
            return;
        }

        if (fields["_meta"] is not JsonObject meta)
        {
            meta = [];
            fields["_meta"] = meta;
        }

        meta[MetaKey] = key;
    }

    /// <summary>The key written into <paramref name="meta"/>, or <see langword="null"/>.</summary>
    public static string? Read(JsonObject? meta) =>
        meta?[MetaKey] is JsonValue value && value.TryGetValue<string>(out var key) ? key : null;

    /// <summary>Removes the key from <paramref name="meta"/> and returns it, so the message goes on as the server sent it.</summary>
    public static string? Take(JsonObject? meta)
    {
        var key = Read(meta);
        meta?.Remove(MetaKey);
        return key;
    }
}
