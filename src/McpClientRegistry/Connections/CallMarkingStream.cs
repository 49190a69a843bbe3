using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A call's response stream (server-sent events), read event by event, with every request and notification on it
/// marked with the call's key (<see cref="CallMarker"/>), so the session can tell which call they came with.
/// </summary>
/// <remarks>
/// Pulled by the reader, so nothing runs in the background. The parser is bound to the token of the first read: the
/// SDK reads one stream with one token throughout.
/// </remarks>
internal sealed class CallMarkingStream(Stream inner, string key) : ReadOnlyStream(inner)
{
    private IAsyncEnumerator<SseItem<string>>? _events;
    private byte[] _pending = [];
    private int _offset;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _pending.Length)
        {
            _events ??= SseParser.Create(Inner).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            if (!await _events.MoveNextAsync())
            {
                return 0;
            }

            _pending = Format(_events.Current);
            _offset = 0;
        }

        var count = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask DisposeAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private byte[] Format(SseItem<string> item)
    {
        var text = new StringBuilder();
        if (item.EventId is { } id)
        {
            text.Append("id: ").Append(id).Append('\n');
        }

        if (item.ReconnectionInterval is { } retry)
        {
            text.Append("retry: ").Append(((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (item.EventType != SseParser.EventTypeDefault)
        {
            text.Append("event: ").Append(item.EventType).Append('\n');
        }

        foreach (var line in Marked(item.Data).Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }

    private string Marked(string data)
    {
        try
        {
            return JsonNode.Parse(data) is JsonObject message && CallMarker.Mark(message, key) ? message.ToJsonString() : data;
        }
        catch (JsonException)
        {
            // Not JSON: the SDK reports it as it would have.
            return data;
        }
    }
}
