using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>The cheapest round trip that shows a server answers, in the revision its session speaks.</summary>
internal static class UpstreamPing
{
    /// <summary>
    /// Sends <c>ping</c>, or to a server that negotiated 2026-07-28 or later, which has no <c>ping</c> any more,
    /// <c>server/discover</c>.
    /// </summary>
    public static async Task SendAsync(McpClient client, CancellationToken cancellationToken)
    {
        if (ProtocolRevisions.IsPerRequest(client.NegotiatedProtocolVersion))
        {
            await client.SendRequestAsync<DiscoverRequestParams, DiscoverResult>(
                RequestMethods.ServerDiscover,
                new DiscoverRequestParams(),
                cancellationToken: cancellationToken);
            return;
        }

        await client.PingAsync(cancellationToken: cancellationToken);
    }
}
