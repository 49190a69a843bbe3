using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Tributary.Benchmarks;

/// <summary>
/// Times <c>tools/list</c> as one HTTP exchange on a stateful session, from the request to the last byte of the
/// response: what serving the listing costs, without any client's parsing of it (the C# client's takes longer
/// than the exchange for a listing of hundreds of tools).
/// </summary>
internal sealed class RawToolsList : IDisposable
{
    private const string ProtocolVersion = "2025-11-25";
    private const string Initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + ProtocolVersion
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"benchmark\",\"version\":\"1\"}}}";

    private readonly HttpClient _http = new();
    private readonly Uri _endpoint;
    private string _sessionId = string.Empty;
    private int _nextId;

    private RawToolsList(Uri endpoint) => _endpoint = endpoint;

    public static async Task<RawToolsList> StartSessionAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var raw = new RawToolsList(endpoint);
        using var initialized = await raw.PostAsync(Initialize, cancellationToken);
        raw._sessionId = initialized.Headers.GetValues("Mcp-Session-Id").Single();
        using var _ = await raw.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", cancellationToken);
        return raw;
    }

    /// <summary>Lists once; returns the time to the last byte and the response's size in bytes.</summary>
    public async Task<(TimeSpan Elapsed, int Bytes)> ListAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await PostAsync($$"""{"jsonrpc":"2.0","id":{{++_nextId}},"method":"tools/list"}""", cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (Stopwatch.GetElapsedTime(started), body.Length);
    }

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

    public void Dispose() => _http.Dispose();
}
