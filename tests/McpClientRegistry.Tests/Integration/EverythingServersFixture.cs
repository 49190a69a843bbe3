using ModelContextProtocol.Client;
using Tributary.McpClientRegistry.Tests.TestSupport;
using Tributary.TestSupport.Node;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>
/// One server-everything per HTTP transport, shared by a test class that only reads from them;
/// stdio has no shared process: each manager starts its own.
/// </summary>
public sealed class EverythingServersFixture : IAsyncLifetime
{
    private EverythingServer? _streamableHttp;
    private EverythingServer? _sse;

    public EverythingServer StreamableHttp => _streamableHttp ?? throw new InvalidOperationException("not started");

    public EverythingServer Sse => _sse ?? throw new InvalidOperationException("not started");

    /// <summary>Registry YAML with one server named <c>everything</c> reached over <paramref name="transport"/>.</summary>
    public string RegistryYaml(string transport) => transport switch
    {
        "stdio" => $"""
            mcp_servers:
              everything:
                transport: stdio
                command: {LiveRegistry.Quote(NpmServers.Everything().Command)}
                args: [{string.Join(", ", NpmServers.Everything().Arguments.Select(LiveRegistry.Quote))}]
            """,
        "streamable-http" => $"""
            mcp_servers:
              everything:
                transport: streamable-http
                url: {StreamableHttp.Url}
            """,
        "sse" => $"""
            mcp_servers:
              everything:
                transport: sse
                url: {Sse.Url}
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    /// <summary>The SDK's own client over <paramref name="transport"/>, to compare against.</summary>
    public async Task<McpClient> ConnectRawAsync(string transport, CancellationToken cancellationToken) => transport switch
    {
        "stdio" => await McpClient.CreateAsync(
            new StdioClientTransport(NpmServers.Everything().ToStdioOptions("raw-everything")),
            RawClient.Options(),
            cancellationToken: cancellationToken),
        "streamable-http" => await RawClient.ConnectAsync(StreamableHttp.Url, StreamableHttp.TransportMode, cancellationToken),
        "sse" => await RawClient.ConnectAsync(Sse.Url, Sse.TransportMode, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    public async ValueTask InitializeAsync()
    {
        var starting = new[]
        {
            EverythingServer.StartAsync(EverythingTransport.StreamableHttp),
            EverythingServer.StartAsync(EverythingTransport.Sse),
        };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Keep whatever started so DisposeAsync kills it even if the other failed.
            _streamableHttp = starting[0].IsCompletedSuccessfully ? starting[0].Result : null;
            _sse = starting[1].IsCompletedSuccessfully ? starting[1].Result : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_streamableHttp is not null)
        {
            await _streamableHttp.DisposeAsync();
        }

        if (_sse is not null)
        {
            await _sse.DisposeAsync();
        }
    }
}
