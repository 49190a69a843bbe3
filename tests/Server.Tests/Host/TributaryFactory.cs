using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.Logging;

namespace Tributary.Server.Tests.Host;

/// <summary>
/// The whole <c>tributary</c> executable in-process: <see cref="Program"/>'s <c>Main</c> parses the command line
/// <see cref="WebApplicationFactory{TEntryPoint}"/> hands it (<c>--config=PATH</c> and ASP.NET's host settings),
/// loads the registry and runs <c>serve</c>, and the host answers over TestServer instead of a port.
/// </summary>
internal sealed class TributaryFactory : WebApplicationFactory<Program>
{
    private readonly TempRegistry _registry;

    /// <summary>A factory for the servers in <paramref name="serversYaml"/> (entries indented under <c>mcp_servers</c>).</summary>
    public TributaryFactory(string serversYaml) => _registry = TempRegistry.Write($"mcp_servers:\n{serversYaml}");

    /// <summary>Starts the host and connects the C# SDK client to its <c>/mcp</c>.</summary>
    public Task<McpClient> ConnectClientAsync(CancellationToken cancellationToken) =>
        McpTestClient.ConnectAsync(CreateDefaultClient(), new McpClientHandlers(), cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _registry.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings reach a WebApplicationBuilder app as arguments: this one arrives as --config=PATH.
        builder.UseSetting("config", _registry.Path);
        builder.ConfigureLogging(TestLogging.ConfigureHost);
    }
}
