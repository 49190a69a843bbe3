using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tributary.Server.Limits;

/// <summary>Reads a request's body, never more than a limit plus one read.</summary>
internal static class RequestBody
{
    private const int ReadSize = 16 * 1024;

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

        var body = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? ReadSize, maxBytes) + 1);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(body.GetMemory(ReadSize), cancellationToken);
                if (read == 0)
                {
                    return body.WrittenSpan.ToArray();
                }

                body.Advance(read);
                if (body.WrittenCount > maxBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel counts what it has received of a chunked body, which may run ahead of what was read here.
            return null;
        }
    }
}
