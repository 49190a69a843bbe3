using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;

namespace Tributary.Server.Tests.Hostile;

/// <summary>Raw POSTs to <c>/mcp</c>: any bytes, inside a session when given its id, answered as status and the message's text.</summary>
internal static class RawPost
{
    /// <summary>Opens a session with a raw <c>initialize</c> and returns its id.</summary>
    public static async Task<string> InitializeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            http,
            """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"hostile","version":"1"}}}"""u8.ToArray(),
            sessionId: null,
            cancellationToken);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await SendAsync(http, """{"jsonrpc":"2.0","method":"notifications/initialized"}"""u8.ToArray(), sessionId, cancellationToken);
        return sessionId;
    }

    /// <summary>Posts <paramref name="body"/> and returns the status and the answer's body (the data of its events, for a stream).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, byte[] body, string? sessionId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, body, sessionId, cancellationToken);
        return (response.StatusCode, await ReadAsync(response, cancellationToken));
    }

    /// <summary>Sends <paramref name="content"/> as the body; with <paramref name="expectContinue"/>, the body waits for the server's go-ahead.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpContent content, string? sessionId, bool expectContinue, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.ExpectContinue = expectContinue;
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The answer's body: the data of its events for a stream, else the text.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }

        var data = new StringBuilder();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            data.Append(item.Data);
        }

        return data.ToString();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, byte[] body, string? sessionId, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return SendAsync(http, content, sessionId, expectContinue: false, cancellationToken);
    }
}
