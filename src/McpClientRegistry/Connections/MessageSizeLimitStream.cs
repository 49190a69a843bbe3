namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Reads an upstream's output and counts the size of the message being read as it comes (see <see cref="MessageFraming"/>);
/// the read that takes it past the limit throws <see cref="UpstreamMessageTooLargeException"/>, so no reader above
/// (the SDK's line reader, its SSE parser, a JSON body read) ever holds more than the limit of one message.
/// </summary>
internal sealed class MessageSizeLimitStream(Stream inner, long maxMessageSize, MessageFraming framing) : Stream
{
    private long _current;
    private bool _lineIsEmpty = true;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
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
