using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Wraps a server's transport so that its sessions tell the server about requests cancelled while still
/// being sent (see <see cref="CancelRelayTransport"/>).
/// </summary>
internal sealed class CancelRelayClientTransport(IClientTransport inner, string serverName, ILogger logger) : IClientTransport
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        new CancelRelayTransport(await inner.ConnectAsync(cancellationToken), serverName, logger);
}
