using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Connections;

/// <summary>Connects each registry entry to the <see cref="InMemoryUpstream"/> of the same name.</summary>
internal sealed class InMemoryUpstreamFactory(params InMemoryUpstream[] upstreams) : IUpstreamClientFactory, IAsyncDisposable
{
    private readonly Dictionary<string, InMemoryUpstream> _byName = upstreams.ToDictionary(u => u.Name);

    public InMemoryUpstream this[string name] => _byName[name];

    public async Task<UpstreamClient> CreateAsync(McpServerConfig server, ResolvedEndpoint endpoint, UpstreamCallbacks callbacks, CancellationToken cancellationToken) =>
        new(await _byName[server.Name].ConnectAsync(UpstreamClientFactory.CreateOptions(server, callbacks), cancellationToken), null);

    public async ValueTask DisposeAsync()
    {
        foreach (var upstream in _byName.Values)
        {
            await upstream.DisposeAsync();
        }
    }
}
