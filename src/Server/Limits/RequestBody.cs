using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tributary.Server.Limits;

/// <summary>Reads a request's body, never more than a limit plus one read.</summary>
internal static class RequestBody
{
    private const int ReadSize = 16 * 1024;

    // Up to this, a declared length is allocated at once; beyond it the buffer grows with what arrives, so a client
    // that declares a large body and sends it slowly (or never) holds no more memory than it has sent.
    private const int UpFrontLimit = 64 * 1024;

    /// <summary>
    /// The body, or <see langword="null"/> as soon as it is known to be longer than <paramref name="maxBytes"/> (from
    /// <c>Content-Length</c>, or while reading a chunked body); Kestrel's own limit is raised so that this one rules.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        try
        {
            return request.ContentLength is { } length and <= UpFrontLimit
                ? await ReadDeclaredAsync(request.Body, (int)length, cancellationToken)
                : await ReadGrowingAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel counts what it has received of a chunked body, which may run ahead of what was read here.
            return null;
        }
    }

    // The server ends the body at Content-Length, so the declared size is the one array read into: a buffer sized for
    // the largest read would cost every small JSON-RPC POST tens of kilobytes.
    private static async Task<byte[]> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return buffer.AsSpan(0, filled).ToArray();
            }

            filled += read;
        }

        return buffer;
    }

    private static async Task<byte[]?> ReadGrowingAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var written = new ArrayBufferWriter<byte>((int)Math.Min(ReadSize, maxBytes) + 1);
        while (true)
        {
            // Whatever room is left, growing only when it is full.
            var read = await body.ReadAsync(written.GetMemory(), cancellationToken);
            if (read == 0)
            {
                return written.WrittenSpan.ToArray();
            }

            written.Advance(read);
            if (written.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }
}
