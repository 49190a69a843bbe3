using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A 2026-07-28 server's <c>input_required</c> answers: each request in one goes to the call's caller through the relay
/// a 2025-11-25 server's own request would take (the caller's client is asked as it always is), and the answers go
/// back with the call, sent again.
/// </summary>
internal sealed partial class StreamableHttpToolCalls
{
    // A 2026-07-28 result that is not the answer yet: the server asks the client for input and a retry.
    private const string InputRequired = "input_required";

    // A server that keeps asking is cut off rather than followed for ever.
    private const int MaxRounds = 16;

    private static InputRequiredResult? AskedForInput(JsonRpcMessageWithId reply) =>
        reply is JsonRpcResponse { Result: JsonObject result }
        && result["resultType"] is JsonValue type && type.TryGetValue(out string? kind) && kind == InputRequired
            ? result.Deserialize(s_json.GetTypeInfo<InputRequiredResult>())
            : null;

    private async Task<Retry> AnswerAsync(InputRequiredResult asked, string key, int round, CancellationToken cancellationToken)
    {
        if (round >= MaxRounds)
        {
            throw new UpstreamException(serverName, UpstreamFailureKind.NotSupported, $"server '{serverName}' asked for input {round} times during one call; Tributary gives up after {MaxRounds}");
        }

        var responses = new Dictionary<string, InputResponse>(StringComparer.Ordinal);
        foreach (var (name, request) in asked.InputRequests ?? new Dictionary<string, InputRequest>())
        {
            responses[name] = await AnswerAsync(request, key, cancellationToken);
        }

        return new Retry(responses, asked.RequestState);
    }

    private async Task<InputResponse> AnswerAsync(InputRequest request, string key, CancellationToken cancellationToken)
    {
        try
        {
            var relay = calls.RelayFor(serverName, request.Method, key);
            return request switch
            {
#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28 but still asked for through input_required.
                { Method: RequestMethods.SamplingCreateMessage, SamplingParams: { } sampling } =>
                    InputResponse.FromSamplingResult(await relay.SampleAsync(serverName, sampling, cancellationToken)),
#pragma warning restore MCP9005
                { Method: RequestMethods.ElicitationCreate, ElicitationParams: { } elicitation } =>
                    InputResponse.FromElicitResult(await relay.ElicitAsync(serverName, elicitation, cancellationToken)),
                _ => throw new McpException($"MCP server '{serverName}' asked the client calling its tool for {request.Method}, which Tributary does not relay"),
            };
        }
        catch (McpException e) when (e is not McpProtocolException)
        {
            // A 2025-11-25 server would get this as the error answer to its request; in 2026-07-28 there is no
            // such answer, so the call fails with it, as a tool error naming the server.
            throw new UpstreamException(serverName, UpstreamFailureKind.NotSupported, e.Message, e);
        }
    }

    /// <summary>What a call sent again carries: the answers to the server's requests, and the state it asked back.</summary>
    private sealed record Retry(IDictionary<string, InputResponse> Responses, string? State)
    {
        public void WriteTo(Utf8JsonWriter writer)
        {
            writer.WritePropertyName("inputResponses");
            JsonSerializer.Serialize(writer, Responses, s_json.GetTypeInfo<IDictionary<string, InputResponse>>());
            if (State is not null)
            {
                writer.WriteString("requestState", State);
            }
        }
    }
}
