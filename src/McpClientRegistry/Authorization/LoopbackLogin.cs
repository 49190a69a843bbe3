using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;
using ModelContextProtocol.Authentication;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// Receives the authorization code on a loopback redirect (RFC 8252): <c>http://127.0.0.1:PORT/callback</c> on a free
/// port unless the registry pins one. <paramref name="present"/> shows or opens the authorization URL.
/// </summary>
public sealed class LoopbackLogin(Func<Uri, CancellationToken, Task> present) : ILoginPrompt
{
    private const int MaxRequestHead = 16 * 1024;

    /// <inheritdoc />
    public Uri RedirectUriFor(string server, Uri? pinned)
    {
        if (pinned is not null)
        {
            return pinned;
        }

        // The port is free now; the window until the callback listens on it again is short and on loopback only.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/callback");
    }

    /// <inheritdoc />
    public async Task<AuthorizationResult?> AuthorizeAsync(string server, AuthorizationCallbackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var redirect = context.RedirectUri;
        var listener = new TcpListener(IPAddress.Loopback, redirect.Port);
        listener.Start();
        try
        {
            // Listening first: an opener that follows the URL itself reaches the callback before it returns.
            var presenting = present(context.AuthorizationUri, cancellationToken);
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                var stream = client.GetStream();
                string? target = await ReadTargetAsync(stream, cancellationToken);
                var uri = target is null ? null : new Uri(redirect, target);
                if (uri is null || uri.AbsolutePath != redirect.AbsolutePath)
                {
                    await RespondAsync(stream, "404 Not Found", "Not the login callback.", cancellationToken);
                    continue;
                }

                var query = HttpUtility.ParseQueryString(uri.Query);
                if (query["error"] is { } error)
                {
                    await RespondAsync(stream, "400 Bad Request", "Login refused; see the terminal.", cancellationToken);
                    string description = query["error_description"] is { } text ? $" ({text})" : string.Empty;
                    throw new LoginRequiredException($"the authorization server refused the login of server '{server}': {error}{description}");
                }

                await RespondAsync(stream, "200 OK", "Tributary is logged in. You can close this window.", cancellationToken);
                await presenting;
                return new AuthorizationResult { Code = query["code"], State = query["state"], Iss = query["iss"] };
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<string?> ReadTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (head.Length < MaxRequestHead && !head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        // "GET /callback?code=...&state=... HTTP/1.1"
        string[] requestLine = head.ToString().Split("\r\n", 2)[0].Split(' ');
        return requestLine.Length == 3 && requestLine[0] == "GET" && requestLine[1].StartsWith('/') ? requestLine[1] : null;
    }

    private static async Task RespondAsync(NetworkStream stream, string status, string text, CancellationToken cancellationToken)
    {
        byte[] body = Encoding.UTF8.GetBytes(text + "\n");
        string head = $"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }
}
