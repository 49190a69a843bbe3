using ModelContextProtocol.Client;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>One live, initialized client of a server, with what it listed and how to scrub its secrets.</summary>
internal sealed class UpstreamSession(UpstreamClient client, SecretRedactor redactor, ServerListing listing, DateTimeOffset connectedAt) : IAsyncDisposable
{
    public McpClient Client { get; } = client.Client;

    /// <summary>Tool calls that bypass the SDK's message loop (streamable HTTP), or <see langword="null"/>.</summary>
    public StreamableHttpToolCalls? ToolCalls { get; } = client.ToolCalls;

    public SecretRedactor Redactor { get; } = redactor;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>Replaced whole on every refresh, so readers always see a consistent listing.</summary>
    public ServerListing Listing { get; set; } = listing;

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        ToolCalls?.Dispose();
    }
}
