using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>
/// Answers a request whose <c>params</c> is not an object (<c>"params": 5</c>) with <c>-32602 Invalid params</c> saying
/// so, before any handler reads it: the SDK would answer such a request with a bare "An error occurred.".
/// Every MCP request's parameters are named, so an object is the only shape that can be right.
/// </summary>
internal static class ParamsShapeFilter
{
    /// <summary>The incoming message filter.</summary>
    /// <remarks>Not async itself: every message passes through it, and only a refused one needs a state machine.</remarks>
    public static McpMessageFilter Filter { get; } = next => (context, cancellationToken) =>
        context.JsonRpcMessage is JsonRpcRequest { Params: { } parameters and not JsonObject } request
            ? RefuseAsync(context.Server, request, parameters, cancellationToken)
            : next(context, cancellationToken);

    private static Task RefuseAsync(McpServer server, JsonRpcRequest request, JsonNode parameters, CancellationToken cancellationToken) =>
        server.SendMessageAsync(
            new JsonRpcError
            {
                Id = request.Id,
                Error = new JsonRpcErrorDetail
                {
                    Code = (int)ModelContextProtocol.McpErrorCode.InvalidParams,
                    Message = $"Invalid params: 'params' of {request.Method} must be a JSON object of named parameters, but it is {Describe(parameters)}",
                },
            },
            cancellationToken);

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "not an object",
    };
}
