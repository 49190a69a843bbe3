using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Marks what a streamable HTTP server sends on a tool call's own response stream with that call's key
/// (<see cref="CallMarkingStream"/>): the SDK hands those messages to the session like any other, with nothing
/// saying which POST they came on. A call is known by the progress token it sent, registered in <paramref name="calls"/>.
/// </summary>
internal sealed class CallAttributionHandler(InFlightCalls calls) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Method == HttpMethod.Post ? await CallKeyAsync(request.Content, cancellationToken) : null;
        var response = await base.SendAsync(request, cancellationToken);
        if (key is null || response.Content is not { } content || content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return response;
        }

        var marked = new StreamContent(new CallMarkingStream(await content.ReadAsStreamAsync(cancellationToken), key));
        foreach (var (name, values) in content.Headers)
        {
            marked.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = marked;
        return response;
    }

    private async Task<string?> CallKeyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        var parameters = content switch
        {
            JsonContent { Value: JsonRpcRequest request } => request.Params,
            null => null,
            _ => Parse(await content.ReadAsStringAsync(cancellationToken)) is JsonObject message ? message["params"] : null,
        };
        var key = parameters is JsonObject { } fields && fields["_meta"] is JsonObject meta && meta["progressToken"] is JsonValue token && token.TryGetValue<string>(out var text) ? text : null;
        return calls.Find(key) is null ? null : key;
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
