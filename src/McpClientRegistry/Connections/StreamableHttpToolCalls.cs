using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

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
/// A call fails as the SDK client's would for the same response: a JSON-RPC error answer is an
/// <see cref="McpProtocolException"/> ("Request failed (remote): ..."), a <c>400</c> with a JSON-RPC error is one the
/// server refused before handling it (<see cref="RejectedUnprocessed"/>), any other failure status an
/// <see cref="HttpRequestException"/> with that status, and a response that ends without the answer says so.
/// </remarks>
internal sealed class StreamableHttpToolCalls(HttpClient http, Uri endpoint, IReadOnlyDictionary<string, string> headers, McpClient client, CancelRelayTransport transport) : IDisposable
{
    private const string IdPrefix = "tributary-";

    private static readonly JsonSerializerOptions s_json = McpJsonUtilities.DefaultOptions;

    /// <summary>Calls <paramref name="toolName"/> as the call registered under <paramref name="key"/>, which goes out as its progress token.</summary>
    public async Task<CallToolResult> CallAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, string key, CancellationToken cancellationToken)
    {
        var id = IdPrefix + key;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Body(id, toolName, arguments, key) };
        AddHeaders(request.Headers);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return await ReadResultAsync(response, id, key, cancellationToken)
                ?? throw new McpException($"Streamable HTTP POST response completed without a reply to request with ID: {id}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await transport.NotifyCancelledAsync(new RequestId(id), RequestMethods.ToolsCall);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private static ReadOnlyMemoryContent Body(string id, string toolName, IReadOnlyDictionary<string, object?>? arguments, string key)
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

            writer.WriteStartObject("_meta");
            writer.WriteString("progressToken", key);
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

    private void AddHeaders(HttpRequestHeaders target)
    {
        target.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        target.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (transport.SessionId is { } session)
        {
            target.Add("Mcp-Session-Id", session);
        }

        if (client.NegotiatedProtocolVersion is { } version)
        {
            target.Add("MCP-Protocol-Version", version);
        }

        foreach (var (name, value) in headers)
        {
            target.TryAddWithoutValidation(name, value);
        }
    }

    private async Task<CallToolResult?> ReadResultAsync(HttpResponseMessage response, string id, string key, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken);
        }

        switch (response.Content.Headers.ContentType?.MediaType)
        {
            case "application/json":
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return body.Length == 0 ? null : Handle(ToolCallReply.Read(body, id), id, key);
            case "text/event-stream":
                try
                {
                    var events = SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken), (_, data) => ToolCallReply.Read(data, id));
                    await foreach (var item in events.EnumerateAsync(cancellationToken))
                    {
                        if (Handle(item.Data, id, key) is { } result)
                        {
                            return result;
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

    // The result when this is the answer; an error answer throws; any other message goes where it belongs.
    private CallToolResult? Handle(ToolCallReply reply, string id, string key)
    {
        switch (reply.Other)
        {
            case null:
                return reply.Result;
            case JsonRpcError error when error.Id == new RequestId(id):
                throw RemoteErrors.From(error);
            case JsonRpcResponse response when response.Id == new RequestId(id):
                // An answer the quick reader left to the full one (extra members, a result that is not an object).
                return JsonSerializer.Deserialize(response.Result, s_json.GetTypeInfo<CallToolResult>())
                    ?? throw new JsonException("Unexpected JSON result in response.");
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
            default:
                transport.Inject(reply.Other);
                break;
        }

        return null;
    }

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
