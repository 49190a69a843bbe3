using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Catalog;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but servers of 2025-11-25 log, and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Tool calls to one streamable HTTP session, posted and read by Tributary itself instead of through the SDK client's
/// message loop. The request is written straight from the caller's arguments; the response (one JSON message or a
/// stream of events) is read on the caller's own flow and the result taken from it there, with no hand-off to the
/// session's read loop and back. Progress and log messages on the response go to the call as they are read; any other
/// message on it (a sampling or elicitation request, a list_changed) is handed to the session, marked as this call's,
/// which handles and answers it as it always does.
/// </summary>
/// <remarks>
/// <para>
/// To a server that negotiated 2026-07-28 or later (<paramref name="envelope"/> set), a call goes as that revision wants
/// it: no session id, the <c>Mcp-Method</c> and <c>Mcp-Name</c> headers, and the revision, client info and capabilities
/// in <c>_meta</c>. Nothing of a session is kept, so the server may restart between calls unnoticed.
/// </para>
/// <para>
/// A call fails as the SDK client's would for the same response: a JSON-RPC error answer is an
/// <see cref="McpProtocolException"/> ("Request failed (remote): ..."), a <c>400</c> with a JSON-RPC error is one the
/// server refused before handling it (<see cref="RejectedUnprocessed"/>), any other failure status an
/// <see cref="HttpRequestException"/> with that status, and a response that ends without the answer says so.
/// </para>
/// </remarks>
internal sealed partial class StreamableHttpToolCalls(
    string serverName,
    InFlightCalls calls,
    HttpClient http,
    Uri endpoint,
    IReadOnlyDictionary<string, string> headers,
    McpClient client,
    CancelRelayTransport transport,
    PerRequestEnvelope? envelope) : IDisposable
{
    private const string IdPrefix = "tributary-";

    private static readonly JsonSerializerOptions s_json = McpJsonUtilities.DefaultOptions;

    /// <summary>
    /// Whether this path calls <paramref name="toolName"/> as the SDK client would: all but a 2026-07-28 server's tool
    /// (in <paramref name="listing"/>) whose parameters go into <c>Mcp-Param-*</c> headers too, which the SDK client
    /// writes from the schema it listed.
    /// </summary>
    public bool CanCall(string toolName, ServerListing listing)
    {
        if (envelope is null)
        {
            return true;
        }

        foreach (var tool in listing.Tools)
        {
            if (string.Equals(tool.Name, toolName, StringComparison.Ordinal))
            {
                return !HeaderParameters.Declared(tool.ProtocolTool.InputSchema);
            }
        }

        return true;
    }

    /// <summary>
    /// Calls <paramref name="toolName"/> as the call registered under <paramref name="key"/>, which goes out as its
    /// progress token. A 2026-07-28 server that answers <c>input_required</c> has its requests relayed to the call's
    /// caller and the call sent again with the answers, until it answers for good.
    /// </summary>
    public async Task<CallToolResult> CallAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, string key, CancellationToken cancellationToken)
    {
        Retry? retry = null;
        for (var round = 1; ; round++)
        {
            var reply = await SendAsync(toolName, arguments, key, round == 1 ? IdPrefix + key : $"{IdPrefix}{key}.{round}", retry, cancellationToken);
            // Only 2026-07-28 and later servers answer input_required; an older one's result is not looked into.
            if (envelope is null || AskedForInput(reply) is not { } asked)
            {
                return Result(reply);
            }

            retry = await AnswerAsync(asked, key, round, cancellationToken);
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<JsonRpcMessageWithId> SendAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, string key, string id, Retry? retry, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Body(id, toolName, arguments, key, envelope, retry) };
        AddHeaders(request.Headers, toolName);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return await ReadReplyAsync(response, new RequestId(id), key, cancellationToken)
                ?? throw new McpException($"Streamable HTTP POST response completed without a reply to request with ID: {id}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await transport.NotifyCancelledAsync(new RequestId(id), RequestMethods.ToolsCall);
            throw;
        }
    }

    private static ReadOnlyMemoryContent Body(string id, string toolName, IReadOnlyDictionary<string, object?>? arguments, string key, PerRequestEnvelope? envelope, Retry? retry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("id", id);
            writer.WriteString("method", RequestMethods.ToolsCall);
            writer.WriteStartObject("params");
            writer.WriteString("name", toolName);
            if (arguments is not null)
            {
                writer.WriteStartObject("arguments");
                foreach (var (name, value) in arguments)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }

                writer.WriteEndObject();
            }

            retry?.WriteTo(writer);
            writer.WriteStartObject("_meta");
            writer.WriteString("progressToken", key);
            envelope?.WriteTo(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return content;
    }

    // Arguments from /mcp are the client's own JSON elements, copied as they are; an agent's are serialized as the SDK would.
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            default:
                JsonSerializer.Serialize(writer, value, s_json.GetTypeInfo(value.GetType()));
                break;
        }
    }

    private void AddHeaders(HttpRequestHeaders target, string toolName)
    {
        target.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        target.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (envelope is not null)
        {
            // The server checks both against the body; a name outside ASCII goes Base64-wrapped, as the revision says.
            target.Add("MCP-Protocol-Version", envelope.ProtocolVersion);
            target.Add("Mcp-Method", RequestMethods.ToolsCall);
            target.Add("Mcp-Name", McpHeaderEncoder.EncodeValue(toolName));
        }
        else
        {
            if (transport.SessionId is { } session)
            {
                target.Add("Mcp-Session-Id", session);
            }

            if (client.NegotiatedProtocolVersion is { } version)
            {
                target.Add("MCP-Protocol-Version", version);
            }
        }

        foreach (var (name, value) in headers)
        {
            target.TryAddWithoutValidation(name, value);
        }
    }

    private async Task<JsonRpcMessageWithId?> ReadReplyAsync(HttpResponseMessage response, RequestId id, string key, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken);
        }

        switch (response.Content.Headers.ContentType?.MediaType)
        {
            case "application/json":
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return body.Length == 0 ? null : Handle(body, id, key);
            case "text/event-stream":
                try
                {
                    var events = SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken));
                    await foreach (var item in events.EnumerateAsync(cancellationToken))
                    {
                        if (!string.IsNullOrEmpty(item.Data) && Handle(item.Data, id, key) is { } reply)
                        {
                            return reply;
                        }
                    }
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    // As the SDK client: a stream cut short is a response that ended without the answer.
                }

                return null;
            default:
                return null;
        }
    }

    private JsonRpcMessageWithId? Handle(string data, RequestId id, string key)
    {
        JsonRpcMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(data, s_json.GetTypeInfo<JsonRpcMessage>());
        }
        catch (JsonException)
        {
            // As the SDK client: a message that is not JSON-RPC is skipped.
            return null;
        }

        switch (message)
        {
            case JsonRpcResponse or JsonRpcError when ((JsonRpcMessageWithId)message).Id == id:
                return (JsonRpcMessageWithId)message;
            case JsonRpcNotification { Method: NotificationMethods.ProgressNotification or NotificationMethods.LoggingMessageNotification } notification:
                CallMarker.Mark(notification.Params, key);
                transport.ObserveRead(notification);
                break;
            case JsonRpcNotification notification:
                CallMarker.Mark(notification.Params, key);
                transport.Inject(notification);
                break;
            case JsonRpcRequest serverRequest:
                CallMarker.Mark(serverRequest.Params, key);
                transport.Inject(serverRequest);
                break;
            case not null:
                transport.Inject(message);
                break;
        }

        return null;
    }

    private static CallToolResult Result(JsonRpcMessageWithId reply) => reply switch
    {
        JsonRpcResponse response => JsonSerializer.Deserialize(response.Result, s_json.GetTypeInfo<CallToolResult>())
            ?? throw new JsonException("Unexpected JSON result in response."),
        JsonRpcError error => throw RemoteErrors.From(error),
        _ => throw new InvalidOperationException($"{reply.GetType().Name} is not an answer"),
    };

    private static async Task<Exception> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.BadRequest
            && response.Content.Headers.ContentType?.MediaType == "application/json"
            && RemoteErrors.TryParse(await response.Content.ReadAsStringAsync(cancellationToken)) is { } error)
        {
            // Refused before the server took the request: the connection may send it once more on a new session.
            var refused = RemoteErrors.From(error);
            RejectedUnprocessed.Mark(refused);
            return refused;
        }

        return new HttpRequestException(
            $"Response status code does not indicate success: {(int)response.StatusCode} ({response.ReasonPhrase}).",
            null,
            response.StatusCode);
    }
}
