using ModelContextProtocol.Client;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>An initialized SDK client of a server and, for a streamable HTTP server, Tributary's own path for its tool calls.</summary>
/// <param name="Client">The SDK client: the session, and every request but tool calls over streamable HTTP.</param>
/// <param name="ToolCalls">Tool calls that bypass the SDK's message loop, or <see langword="null"/> (stdio, legacy SSE).</param>
internal sealed record UpstreamClient(McpClient Client, StreamableHttpToolCalls? ToolCalls);
