using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Conformance;

/// <summary>
/// One host, shared by every conformance scenario, fronting server-everything and the conformance upstream (the
/// suite's fixed tool, prompt and resource names, unprefixed) over stdio.
/// </summary>
public sealed class ConformanceHost : IAsyncLifetime
{
    private RunningHost? _host;

    /// <summary>Gets the host's MCP endpoint, <c>http://127.0.0.1:PORT/mcp</c>.</summary>
    public Uri McpUrl => new(Host.BaseAddress, "/mcp");

    private RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() =>
        _host = await RunningHost.StartAsync(TempRegistry.EverythingStdio() + TempRegistry.ConformanceUpstreamStdio(), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
