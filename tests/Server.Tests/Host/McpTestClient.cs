using ModelContextProtocol.Client;

namespace Tributary.Server.Tests.Host;

/// <summary>The C# SDK client the host tests connect to <c>/mcp</c>: streamable HTTP, a 2025-11-25 session.</summary>
internal static class McpTestClient
{
    /// <summary>Connects through <paramref name="http"/>, whose base address is the host's.</summary>
    public static Task<McpClient> ConnectAsync(HttpClient http, McpClientHandlers handlers, CancellationToken cancellationToken) =>
        McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
                http),
            new McpClientOptions { ProtocolVersion = "2025-11-25", Handlers = handlers },
            cancellationToken: cancellationToken);
}
