using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>The exceptions the SDK client gives for a server's JSON-RPC error answer, for answers Tributary reads itself.</summary>
internal static class RemoteErrors
{
    /// <summary>The exception for <paramref name="error"/>, worded as the SDK words it.</summary>
    public static McpProtocolException From(JsonRpcError error)
    {
        var message = $"Request failed (remote): {error.Error.Message}";
        var code = (McpErrorCode)error.Error.Code;
        return code == McpErrorCode.UrlElicitationRequired && Elicitations(error.Error.Data) is { Count: > 0 } elicitations
            ? new UrlElicitationRequiredException(message, elicitations)
            : new McpProtocolException(message, code);
    }

    /// <summary>The JSON-RPC error in <paramref name="body"/>, or <see langword="null"/> when it holds none.</summary>
    public static JsonRpcError? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>()) as JsonRpcError;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<ElicitRequestParams>? Elicitations(object? data)
    {
        try
        {
            return data is JsonElement { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("elicitations", out var list)
                ? list.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo<List<ElicitRequestParams>>())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
