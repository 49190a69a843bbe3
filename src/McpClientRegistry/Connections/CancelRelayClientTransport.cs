using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Wraps a server's transport so that its sessions tell the server about requests cancelled while still
/// being sent (see <see cref="CancelRelayTransport"/>).
/// </summary>
internal sealed class CancelRelayClientTransport(IClientTransport inner, string serverName, InFlightCalls calls, Action<LoggingMessageNotificationParams> onLog, ILogger logger, bool injectable = false) : IClientTransport
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <summary>The session transport the last <see cref="ConnectAsync"/> made, or <see langword="null"/> before that.</summary>
    public CancelRelayTransport? Connected { get; private set; }

    /// <inheritdoc />
    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default) =>
        Connected = new CancelRelayTransport(await inner.ConnectAsync(cancellationToken), serverName, calls, onLog, logger, injectable);
}
