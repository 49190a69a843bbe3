namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Reads an upstream's output and counts the size of the message being read as it comes (see <see cref="MessageFraming"/>);
/// the read that takes it past the limit throws <see cref="UpstreamMessageTooLargeException"/>, so no reader above
/// (the SDK's line reader, its SSE parser, a JSON body read) ever holds more than the limit of one message.
/// </summary>
internal sealed class MessageSizeLimitStream(Stream inner, long maxMessageSize, MessageFraming framing) : ReadOnlyStream(inner)
{
    private long _current;
    private bool _lineIsEmpty = true;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..Inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await Inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    private int Count(ReadOnlySpan<byte> data)
    {
        if (framing == MessageFraming.Whole)
        {
            _current += data.Length;
            Check();
            return data.Length;
        }

        var rest = data;
        while (true)
        {
            int newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            _current += line.Length;
            _lineIsEmpty &= line.TrimEnd((byte)'\r').IsEmpty;
            Check();
            if (newline < 0)
            {
                return data.Length;
            }

            // A line ends a stdio message; an event ends at a blank line (its own lines count towards it).
            _current = framing == MessageFraming.Lines || _lineIsEmpty ? 0 : _current + 1;
            _lineIsEmpty = true;
            rest = rest[(newline + 1)..];
        }
    }

    private void Check()
    {
        if (_current > maxMessageSize)
        {
            throw new UpstreamMessageTooLargeException(maxMessageSize);
        }
    }
}
