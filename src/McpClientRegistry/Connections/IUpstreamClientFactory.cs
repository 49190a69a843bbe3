using ModelContextProtocol.Client;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>Creates an initialized MCP client for one upstream server; the caller owns and disposes it.</summary>
internal interface IUpstreamClientFactory
{
    Task<UpstreamClient> CreateAsync(McpServerConfig server, ResolvedEndpoint endpoint, UpstreamCallbacks callbacks, CancellationToken cancellationToken);
}
