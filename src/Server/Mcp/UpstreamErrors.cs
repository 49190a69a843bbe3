using ModelContextProtocol;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>Turns an upstream failure into the JSON-RPC error a client of <c>/mcp</c> receives.</summary>
internal static class UpstreamErrors
{
    /// <summary>
    /// An unknown name becomes <paramref name="notFoundCode"/>; any other failure keeps its message, which
    /// names the server, so the client sees why (McpException messages reach the client, others do not).
    /// </summary>
    public static McpException ToMcp(UpstreamException exception, McpErrorCode notFoundCode) =>
        exception.Kind == UpstreamFailureKind.NotFound
            ? new McpProtocolException(exception.Message, exception, notFoundCode)
            : new McpException(exception.Message, exception);
}
