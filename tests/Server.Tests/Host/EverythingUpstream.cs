using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Host;

/// <summary>
/// The real server-everything as the upstream <c>everything</c> of a test's registry: over stdio (Tributary starts
/// it) or over streamable HTTP (started here, stopped on dispose).
/// </summary>
internal sealed class EverythingUpstream : IAsyncDisposable
{
    private readonly EverythingServer? _server;

    private EverythingUpstream(string yaml, EverythingServer? server)
    {
        Yaml = yaml;
        _server = server;
    }

    /// <summary>The registry entry, indented under <c>mcp_servers</c>.</summary>
    public string Yaml { get; }

    /// <summary>Starts the upstream for <paramref name="transport"/>: <c>stdio</c> or <c>streamable-http</c>.</summary>
    public static async Task<EverythingUpstream> StartAsync(string transport, CancellationToken cancellationToken)
    {
        switch (transport)
        {
            case "stdio":
                return new EverythingUpstream(TempRegistry.EverythingStdio(), null);
            case "streamable-http":
                var server = await EverythingServer.StartAsync(EverythingTransport.StreamableHttp, TestContext.Current.TestOutputHelper, cancellationToken);
                return new EverythingUpstream(HealthEndpointTests.HttpServer("everything", server.Url), server);
            default:
                throw new ArgumentOutOfRangeException(nameof(transport), transport, "expected stdio or streamable-http");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
