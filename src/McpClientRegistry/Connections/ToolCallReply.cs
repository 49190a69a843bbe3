using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// One message read from a tool call's response: the call's answer, already turned into its result, or any other
/// message. The answer's result is deserialized straight from the bytes it came in, without a string or a node
/// tree in between; anything else (an error, a notification, a server's request) is read as the SDK reads it.
/// </summary>
internal readonly record struct ToolCallReply(CallToolResult? Result, JsonRpcMessage? Other)
{
    private static readonly JsonSerializerOptions s_json = McpJsonUtilities.DefaultOptions;

    /// <summary>Reads <paramref name="utf8"/>; neither part is set for a message that is not JSON-RPC (skipped, as the SDK client does).</summary>
    public static ToolCallReply Read(ReadOnlySpan<byte> utf8, string answerId)
    {
        try
        {
            return TryReadAnswer(utf8, answerId) is { } result
                ? new ToolCallReply(result, null)
                : new ToolCallReply(null, JsonSerializer.Deserialize(utf8, s_json.GetTypeInfo<JsonRpcMessage>()));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    // Exactly {"jsonrpc":"2.0","id":answerId,"result":{...}} in any order; anything else is left to the full reader.
    private static CallToolResult? TryReadAnswer(ReadOnlySpan<byte> utf8, string answerId)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool version = false, ours = false;
        Range result = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("jsonrpc"u8))
            {
                version = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                ours = reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(answerId);
            }
            else if (reader.ValueTextEquals("result"u8) && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                result = start..(int)reader.BytesConsumed;
            }
            else
            {
                return null;
            }
        }

        return version && ours && reader.TokenType == JsonTokenType.EndObject && !result.Equals(default(Range))
            ? JsonSerializer.Deserialize(utf8[result], s_json.GetTypeInfo<CallToolResult>()) ?? throw new JsonException("Unexpected JSON result in response.")
            : null;
    }
}
