using System.Net.Http.Headers;
using System.Text;

namespace Tributary.Benchmarks;

/// <summary>
/// One MCP session over the older HTTP+SSE transport (2024-11-05), spoken in raw JSON-RPC like
/// <see cref="LeanSession"/>: a GET opens the event stream, whose <c>endpoint</c> event names the URL to POST messages
/// to; every answer arrives on the stream. mcp-hub serves its unified endpoint this way only.
/// </summary>
internal sealed class LeanSseSession : ILeanSession
{
    // The revision that defined this transport.
    private const string ProtocolVersion = "2024-11-05";

    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _callSuffix;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<Uri> _messages = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private HttpResponseMessage? _stream;
    private long _nextId;
    private string? _pendingIdMarker;
    private TaskCompletionSource<string>? _pending;

    private LeanSseSession(HttpClient http, Uri endpoint, string toolName)
    {
        _http = http;
        _endpoint = endpoint;
        _callSuffix = ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + toolName + "\",\"arguments\":{\"message\":\"benchmark\"}}}";
    }

    public static async Task<LeanSseSession> StartAsync(HttpClient http, Uri endpoint, string toolName, CancellationToken cancellationToken)
    {
        var session = new LeanSseSession(http, endpoint, toolName);
        try
        {
            using var open = new HttpRequestMessage(HttpMethod.Get, endpoint);
            open.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
            session._stream = await http.SendAsync(open, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            session._stream.EnsureSuccessStatusCode();
            // Runs until the session is disposed; it fails whatever waits on the stream when the stream ends.
            _ = session.ReadEventsAsync(await session._stream.Content.ReadAsStreamAsync(cancellationToken));
            await session._messages.Task.WaitAsync(cancellationToken);

            var initialized = await session.RequestAsync(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + ProtocolVersion + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"tributary-bench\",\"version\":\"1\"}}}",
                0,
                cancellationToken);
            if (!initialized.Contains("\"result\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"initialize at {endpoint} failed: {initialized}");
            }

            using var acknowledged = await session.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", cancellationToken);
            acknowledged.EnsureSuccessStatusCode();
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> CallEchoAsync(CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var answer = await RequestAsync("{\"jsonrpc\":\"2.0\",\"id\":" + id + _callSuffix, id, cancellationToken);
        return answer.Contains("\"result\"", StringComparison.Ordinal) && !answer.Contains("\"isError\":true", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stream?.Dispose();
        _stop.Dispose();
    }

    // One request in flight per session (the load calls back to back), so one pending answer is enough.
    private async Task<string> RequestAsync(string json, long id, CancellationToken cancellationToken)
    {
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pendingIdMarker = "\"id\":" + id;
            _pending = pending;
        }

        using (var accepted = await PostAsync(json, cancellationToken))
        {
            if (!accepted.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"POST {accepted.RequestMessage?.RequestUri} answered {(int)accepted.StatusCode}");
            }
        }

        return await pending.Task.WaitAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, await _messages.Task) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = s_json;
        return await _http.SendAsync(request, cancellationToken);
    }

    private async Task ReadEventsAsync(Stream body)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var kind = "message";
        var data = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    Dispatch(kind, data.ToString());
                    kind = "message";
                    data.Clear();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line.AsSpan(5).TrimStart(' '));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The session is being disposed.
        }
        finally
        {
            var ended = new HttpRequestException($"the event stream of {_endpoint} ended");
            _messages.TrySetException(ended);
            lock (_gate)
            {
                _pending?.TrySetException(ended);
            }
        }
    }

    private void Dispatch(string kind, string data)
    {
        if (kind == "endpoint")
        {
            _messages.TrySetResult(new Uri(_endpoint, data));
            return;
        }

        lock (_gate)
        {
            // An answer carries its id as "id":N followed by , or }; anything else on the stream (notifications) is
            // not waited for.
            var at = _pendingIdMarker is null ? -1 : data.IndexOf(_pendingIdMarker, StringComparison.Ordinal);
            var end = at + (_pendingIdMarker?.Length ?? 0);
            if (at >= 0 && end < data.Length && data[end] is ',' or '}')
            {
                _pending?.TrySetResult(data);
                _pending = null;
                _pendingIdMarker = null;
            }
        }
    }
}
