using System.Text;
using Tributary.Agents.GitLab;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>A body that never ends (as a hostile or broken server's could) is read only up to the limit.</summary>
public sealed class BoundedBodyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadHeadAsync_EndlessBody_StopsOneByteAfterTheLimit()
    {
        var body = new EndlessStream("a\n"u8.ToArray());
        using var content = new StreamContent(body);

        var text = await BoundedBody.ReadHeadAsync(content, 65_536, Token);

        Assert.True(text.IsCut);
        Assert.Null(text.Length);
        Assert.Equal(65_536, text.Text.Length);
        Assert.Equal(65_537, body.Served);
    }

    [Fact]
    public async Task ReadTailAsync_EndlessBody_KeepsTheLastBytesAndStopsAtTheDownloadLimit()
    {
        var body = new EndlessStream(Encoding.UTF8.GetBytes("line\n"));
        using var content = new StreamContent(body);

        var text = await BoundedBody.ReadTailAsync(content, 1_000, 1_000_000, Token);

        Assert.True(text.IsCut);
        Assert.Equal(1_000, text.Text.Length);
        Assert.EndsWith("line\n", text.Text, StringComparison.Ordinal);
        Assert.InRange(body.Served, 1_000_000, 1_000_001);
    }

    [Fact]
    public async Task ReadTailAsync_ShortBody_WholeAndNotCut()
    {
        using var content = new StringContent("first\nlast\n");

        var text = await BoundedBody.ReadTailAsync(content, 1_000, 1_000_000, Token);

        Assert.Equal(new GitLabText("first\nlast\n", IsCut: false, 11), text);
    }

    /// <summary>Repeats a pattern for ever, counting the bytes handed out.</summary>
    private sealed class EndlessStream(byte[] pattern) : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = pattern[(Served + i) % pattern.Length];
            }

            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
