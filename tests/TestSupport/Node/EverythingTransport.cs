namespace Tributary.TestSupport.Node;

/// <summary>The HTTP transports <c>server-everything</c> serves (stdio is <see cref="EverythingServer.StdioCommand"/>).</summary>
public enum EverythingTransport
{
    /// <summary>Streamable HTTP at <c>/mcp</c> (<c>node dist/index.js streamableHttp</c>).</summary>
    StreamableHttp,

    /// <summary>The legacy HTTP+SSE transport: <c>GET /sse</c> and <c>POST /message</c> (<c>node dist/index.js sse</c>).</summary>
    Sse,
}
