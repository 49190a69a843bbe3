using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Tributary.Server.Tests.Hostile;

/// <summary>
/// A chunked POST to <c>/mcp</c> over a plain socket that keeps sending while it listens, as a client streaming a huge
/// body does, and stops when the answer comes (or after <c>maxBytes</c>); <see cref="HttpClient"/> would fail the send
/// with a broken pipe instead of showing the answer that came first.
/// </summary>
internal static class RawChunkedPost
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Sends up to <paramref name="maxBytes"/> of <c>[</c> and returns the answer's head and body as text, and how much was sent.</summary>
    public static Task<(string Answer, long Sent)> SendAsync(Uri baseAddress, long maxBytes, CancellationToken cancellationToken) =>
        SendAsync(baseAddress, "/mcp", "Accept: application/json, text/event-stream\r\n", maxBytes, cancellationToken);

    /// <summary>The same to <paramref name="path"/>, with <paramref name="headers"/> (each line ending in CRLF) added.</summary>
    public static async Task<(string Answer, long Sent)> SendAsync(Uri baseAddress, string path, string headers, long maxBytes, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, cancellationToken);
        var stream = tcp.GetStream();
        string head = string.Create(
            CultureInfo.InvariantCulture,
            $"POST {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json\r\n{headers}Transfer-Encoding: chunked\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);

        var answer = ReadAnswerAsync(stream, cancellationToken);
        byte[] chunk = [.. Encoding.ASCII.GetBytes($"{ChunkSize:x}\r\n"), .. Enumerable.Repeat((byte)'[', ChunkSize), .. "\r\n"u8];
        long sent = 0;
        try
        {
            while (sent < maxBytes && !answer.IsCompleted)
            {
                await stream.WriteAsync(chunk, cancellationToken);
                sent += ChunkSize;
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering.
        }

        return (await answer.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken), sent);
    }

    // Everything the server sends until it closes the connection (it does: the rest of the body is not read).
    private static async Task<string> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // Reset after the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}
