using ModelContextProtocol.Client;

namespace Tributary.Server.Tests.Host;

/// <summary>The C# SDK client the host tests connect to <c>/mcp</c>: streamable HTTP, a 2025-11-25 session unless told otherwise.</summary>
internal static class McpTestClient
{
    /// <summary>The revision without sessions or initialize: each request carries its version, capabilities and client info.</summary>
    public const string July2026 = "2026-07-28";

    /// <summary>Connects through <paramref name="http"/>, whose base address is the host's.</summary>
    public static Task<McpClient> ConnectAsync(HttpClient http, McpClientHandlers handlers, CancellationToken cancellationToken) =>
        ConnectAsync(http, "2025-11-25", handlers, cancellationToken);

    /// <summary>Connects through <paramref name="http"/> speaking <paramref name="protocolVersion"/> (2026-07-28: <c>server/discover</c>, no session).</summary>
    public static Task<McpClient> ConnectAsync(HttpClient http, string protocolVersion, McpClientHandlers handlers, CancellationToken cancellationToken) =>
        McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
                http),
            new McpClientOptions { ProtocolVersion = protocolVersion, Handlers = handlers },
            cancellationToken: cancellationToken);
}
