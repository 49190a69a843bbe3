using System.Text;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed class MessageSizeLimitStreamTests
{
    [Theory]
    [InlineData("Lines", "0123456789\n0123456789\n0123456789\n")]
    [InlineData("Events", "data: 0123\n\ndata: 0123\r\n\r\nid: 1\ndata: 0\n\n")]
    [InlineData("Whole", "0123456789")]
    public async Task Read_EveryMessageWithinTheLimit_ReadsItAll(string framing, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(bytes, await ReadAllAsync(framing, bytes, maxMessageSize: 16, chunk: 3));
    }

    [Theory]
    [InlineData("Lines", "0123\n0123456789abcdefg\n01\n")]
    [InlineData("Lines", "0123456789abcdefghijklmnopqrstuvwxyz")]
    [InlineData("Events", "data: 0123\n\ndata: 0123\ndata: 4567\n\n")]
    [InlineData("Whole", "0123456789abcdefg")]
    public async Task Read_AMessageOverTheLimit_ThrowsOnceItPassesTheLimitNamingIt(string framing, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        var error = await Assert.ThrowsAsync<UpstreamMessageTooLargeException>(() => ReadAllAsync(framing, bytes, maxMessageSize: 16, chunk: 64));

        Assert.Equal(
            "it sent a message larger than 16 bytes (max_message_size), so Tributary stopped reading it and dropped the connection; raise max_message_size for this server if its messages are that large",
            error.Message);
    }

    [Fact]
    public async Task Read_EndlessLine_StopsReadingJustPastTheLimit()
    {
        var source = new CountingStream();
        await using var limited = new MessageSizeLimitStream(source, 1024 * 1024, MessageFraming.Lines);
        using var reader = new StreamReader(limited);

        await Assert.ThrowsAsync<UpstreamMessageTooLargeException>(async () => await reader.ReadLineAsync(TestContext.Current.CancellationToken));

        Assert.InRange(source.BytesRead, 1024 * 1024, 1024 * 1024 + 64 * 1024);
    }

    private static async Task<byte[]> ReadAllAsync(string framing, byte[] bytes, long maxMessageSize, int chunk)
    {
        await using var limited = new MessageSizeLimitStream(new MemoryStream(bytes), maxMessageSize, Enum.Parse<MessageFraming>(framing));
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = await limited.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    /// <summary>An endless line of <c>x</c> that counts what was read of it.</summary>
    private sealed class CountingStream() : ReadOnlyStream(Null)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)'x');
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }
    }
}
