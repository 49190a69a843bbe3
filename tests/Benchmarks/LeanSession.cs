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
    // Every peer's SDK speaks this revision; a newer one would be negotiated down and then refused in the header.
    private const string ProtocolVersion = "2025-06-18";

    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private static readonly byte[] s_result = "\"result\""u8.ToArray();
    private static readonly byte[] s_isError = "\"isError\":true"u8.ToArray();

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _callSuffix;
    private string? _sessionId;
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
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + ProtocolVersion + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"tributary-bench\",\"version\":\"1\"}}}",
            cancellationToken))
        {
            initialized.EnsureSuccessStatusCode();
            session._sessionId = initialized.Headers.TryGetValues("Mcp-Session-Id", out var ids) ? ids.First() : null;
            await initialized.Content.ReadAsByteArrayAsync(cancellationToken);
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
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", ProtocolVersion);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
