using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Answers the requests an upstream server sends back during a call (sampling, elicitation) by passing them to
/// whoever made the call: the host relays them to the calling client of <c>/mcp</c>.
/// </summary>
public interface IUpstreamRequestRelay
{
    /// <summary>Relays <c>sampling/createMessage</c> from <paramref name="serverName"/>.</summary>
#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28, but part of 2025-11-25, which Tributary speaks with upstreams.
    ValueTask<CreateMessageResult> SampleAsync(string serverName, CreateMessageRequestParams request, CancellationToken cancellationToken);
#pragma warning restore MCP9005

    /// <summary>Relays <c>elicitation/create</c> from <paramref name="serverName"/>.</summary>
    ValueTask<ElicitResult> ElicitAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken);
}
