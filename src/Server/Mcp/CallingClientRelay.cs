using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>
/// Relays an upstream's sampling and elicitation requests to the client of <c>/mcp</c> whose tool call to that
/// upstream is in flight, and its answer back. The request carries no link to the call that caused it, so the rule
/// is: the most recent call still in flight to that server (<see cref="DownstreamCalls"/>).
/// </summary>
internal sealed class CallingClientRelay(DownstreamCalls calls) : IUpstreamRequestRelay
{
    /// <inheritdoc />
#pragma warning disable MCP9005 // Sampling is part of 2025-11-25, the revision Tributary's sessions speak.
    public async ValueTask<CreateMessageResult> SampleAsync(string serverName, CreateMessageRequestParams request, CancellationToken cancellationToken)
    {
        var session = Caller(serverName, "sampling");
        if (session.ClientCapabilities?.Sampling is null)
        {
            throw new McpException($"MCP server '{serverName}' asked for sampling, but the client calling its tool does not support sampling");
        }

        return await session.SampleAsync(request, cancellationToken);
    }
#pragma warning restore MCP9005

    /// <inheritdoc />
    public async ValueTask<ElicitResult> ElicitAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken)
    {
        var session = Caller(serverName, "elicitation");
        if (session.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException($"MCP server '{serverName}' asked for elicitation, but the client calling its tool does not support elicitation");
        }

        return await session.ElicitAsync(request, cancellationToken);
    }

    private McpServer Caller(string serverName, string what) =>
        calls.LatestTo(serverName)?.Server
        ?? throw new McpException($"MCP server '{serverName}' asked for {what}, but no client of Tributary is calling its tools now");
}
