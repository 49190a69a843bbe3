using System.Buffers;
using System.Net.Http.Headers;
using System.Text;

namespace Tributary.Benchmarks;

/// <summary>
/// One MCP session spoken in raw JSON-RPC over a shared <see cref="HttpClient"/>: no SDK, no JSON parsing of the
/// answer, so the load generator's own CPU per call stays small next to the targets'.
/// </summary>
internal sealed class LeanSession : ILeanSession
{
    // The newest revision with sessions, which Tributary speaks to its upstreams: a server may cost more per call in it
    // than in an older one (server-everything's echo: about 2.0 ms against 0.95 ms in 2025-06-18, as it stores and
    // sends a priming event first), and "direct" should cost what Tributary's upstream leg costs. Peers whose SDK
    // predates it answer an older one, which the session then names in its header.
    private const string RequestedVersion = "2025-11-25";

    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private static readonly byte[] s_result = "\"result\""u8.ToArray();
    private static readonly byte[] s_isError = "\"isError\":true"u8.ToArray();

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _callSuffix;
    private string? _sessionId;
    private string _protocolVersion = RequestedVersion;
    private long _nextId;

    private LeanSession(HttpClient http, Uri endpoint, string toolName)
    {
        _http = http;
        _endpoint = endpoint;
        _callSuffix = ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + toolName + "\",\"arguments\":{\"message\":\"benchmark\"}}}";
    }

    public static async Task<LeanSession> StartAsync(HttpClient http, Uri endpoint, string toolName, CancellationToken cancellationToken)
    {
        var session = new LeanSession(http, endpoint, toolName);
        using (var initialized = await session.PostAsync(
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + RequestedVersion + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"tributary-bench\",\"version\":\"1\"}}}",
            cancellationToken))
        {
            initialized.EnsureSuccessStatusCode();
            session._sessionId = initialized.Headers.TryGetValues("Mcp-Session-Id", out var ids) ? ids.First() : null;
            session._protocolVersion = NegotiatedVersion(await initialized.Content.ReadAsStringAsync(cancellationToken));
        }

        using var acknowledged = await session.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", cancellationToken);
        acknowledged.EnsureSuccessStatusCode();
        return session;
    }

    /// <inheritdoc />
    public async Task<bool> CallEchoAsync(CancellationToken cancellationToken)
    {
        using var response = await PostAsync("{\"jsonrpc\":\"2.0\",\"id\":" + ++_nextId + _callSuffix, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        // Reads the whole answer (a JSON body, or an event stream the server ends after the response) into a pooled
        // buffer and only looks for the markers of a result: what any client must at least do.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var text = buffer.AsSpan(0, length);
            return text.IndexOf(s_result) >= 0 && text.IndexOf(s_isError) < 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Nothing to release: the shared <see cref="HttpClient"/> belongs to the <see cref="LeanLoad"/>.</summary>
    public void Dispose()
    {
    }

    private async Task<HttpResponseMessage> PostAsync(string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = s_json;
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (_sessionId is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", _sessionId);
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", _protocolVersion);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    // The initialize answer (one JSON body or an event) names the revision the server chose.
    private static string NegotiatedVersion(string answer)
    {
        const string Field = "\"protocolVersion\":\"";
        var start = answer.IndexOf(Field, StringComparison.Ordinal);
        return start < 0 ? RequestedVersion : answer[(start + Field.Length)..answer.IndexOf('"', start + Field.Length)];
    }
}
