namespace Tributary.McpClientRegistry.Configuration;

/// <summary>How Tributary talks to an upstream MCP server.</summary>
public enum McpTransportKind
{
    /// <summary>MCP Streamable HTTP (<c>streamable-http</c>, alias <c>streamable_http</c>); the default.</summary>
    StreamableHttp,

    /// <summary>The legacy HTTP+SSE transport (<c>sse</c>).</summary>
    Sse,

    /// <summary>A child process speaking MCP over its standard input and output (<c>stdio</c>).</summary>
    Stdio,
}
