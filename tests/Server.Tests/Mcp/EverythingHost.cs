using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Mcp;

/// <summary>
/// One host fronting one server-everything over stdio, shared by the tests of <see cref="EverythingHostGroup"/>:
/// starting a Node server per test loads the machine and slows the other suites' timing-sensitive tests.
/// </summary>
public sealed class EverythingHost : IAsyncLifetime
{
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async ValueTask InitializeAsync() =>
        _host = await RunningHost.StartAsync(TempRegistry.EverythingStdio(), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
