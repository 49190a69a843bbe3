using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace Tributary.TestSupport.Network;

/// <summary>
/// A stateful streamable HTTP session on an MCP endpoint spoken in raw JSON-RPC: it opens no standalone GET stream
/// and hands back each POST's messages as they came, which the SDK clients neither allow nor show.
/// </summary>
public sealed class RawMcpSession : IDisposable
{
    /// <summary>The protocol revision the session speaks.</summary>
    public const string ProtocolVersion = "2025-11-25";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private string _sessionId = string.Empty;
    private int _nextId;

    private RawMcpSession(Uri endpoint, HttpClient? http)
    {
        _endpoint = endpoint;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
    }

    /// <summary>Initializes a session at <paramref name="endpoint"/> (through <paramref name="http"/>, when given).</summary>
    public static async Task<RawMcpSession> StartAsync(Uri endpoint, CancellationToken cancellationToken, HttpClient? http = null)
    {
        var session = new RawMcpSession(endpoint, http);
        var initialize = $$$"""{"protocolVersion":"{{{ProtocolVersion}}}","capabilities":{},"clientInfo":{"name":"raw-test-client","version":"1"}}""";
        using (var initialized = await session.PostAsync(session.Request("initialize", initialize), cancellationToken))
        {
            session._sessionId = initialized.Headers.GetValues("Mcp-Session-Id").Single();
        }

        using var _ = await session.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", cancellationToken);
        return session;
    }

    /// <summary>Sends a request and returns the response once its headers came; the body is left to the caller.</summary>
    public Task<HttpResponseMessage> SendAsync(string method, string? parametersJson, CancellationToken cancellationToken) =>
        PostAsync(Request(method, parametersJson), cancellationToken);

    /// <summary>Sends a request and returns every message of its response stream, in order: notifications, then the response.</summary>
    public async Task<IReadOnlyList<JsonElement>> RequestAsync(string method, string? parametersJson, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, parametersJson, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return [(await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken)).RootElement];
        }

        var messages = new List<JsonElement>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            if (item.Data.Length > 0)
            {
                messages.Add(JsonDocument.Parse(item.Data).RootElement);
            }
        }

        return messages;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private string Request(string method, string? parametersJson) =>
        parametersJson is null
            ? $$"""{"jsonrpc":"2.0","id":{{++_nextId}},"method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","id":{{++_nextId}},"method":"{{method}}","params":{{parametersJson}}}""";

    private async Task<HttpResponseMessage> PostAsync(string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (_sessionId.Length > 0)
        {
            request.Headers.Add("Mcp-Session-Id", _sessionId);
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
