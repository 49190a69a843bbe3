using System.Text;

namespace Tributary.Agents.GitLab;

/// <summary>
/// Reads a response body without ever holding more than a limit: the head of a file (stopping at the limit), or
/// the tail of a job log (keeping only its last part while reading at most a larger download limit).
/// </summary>
internal static class BoundedBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>At most <paramref name="maxBytes"/> from the start of <paramref name="content"/>; one byte more is read to tell whether there was more.</summary>
    public static async Task<GitLabText> ReadHeadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return new GitLabText(Decode(buffer.GetBuffer().AsSpan(0, (int)maxBytes)), IsCut: true, declared);
            }
        }

        return new GitLabText(Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), IsCut: false, buffer.Length);
    }

    /// <summary>
    /// The last <paramref name="keepBytes"/> of <paramref name="content"/>, reading at most <paramref name="maxBytes"/>;
    /// <see cref="GitLabText.IsCut"/> says the download stopped there, so the tail is not the body's end.
    /// </summary>
    public static async Task<GitLabText> ReadTailAsync(HttpContent content, int keepBytes, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var window = new byte[keepBytes * 2];
        int filled = 0;
        long total = 0;
        int read;
        while (total < maxBytes && (read = await stream.ReadAsync(window.AsMemory(filled, (int)Math.Min(window.Length - filled, maxBytes - total)), cancellationToken)) > 0)
        {
            filled += read;
            total += read;
            if (filled == window.Length)
            {
                // Keep the newer half: memory stays at twice what is kept, however long the log.
                Array.Copy(window, keepBytes, window, 0, keepBytes);
                filled = keepBytes;
            }
        }

        bool more = total >= maxBytes && await stream.ReadAsync(new byte[1], cancellationToken) > 0;
        int start = Math.Max(0, filled - keepBytes);
        return new GitLabText(Decode(window.AsSpan(start, filled - start)), more, more ? content.Headers.ContentLength : total);
    }

    // A cut may split a character: the decoder writes U+FFFD for the broken end rather than failing.
    private static string Decode(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
