using ModelContextProtocol.Client;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>One live, initialized client of a server, with what it listed and how to scrub its secrets.</summary>
internal sealed class UpstreamSession(McpClient client, SecretRedactor redactor, ServerListing listing, DateTimeOffset connectedAt) : IAsyncDisposable
{
    public McpClient Client { get; } = client;

    public SecretRedactor Redactor { get; } = redactor;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>Replaced whole on every refresh, so readers always see a consistent listing.</summary>
    public ServerListing Listing { get; set; } = listing;

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
