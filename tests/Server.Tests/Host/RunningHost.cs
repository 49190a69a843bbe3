using Tributary.Agents.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Tributary.McpClientRegistry.Configuration;
using Tributary.Server.Cli;
using Tributary.Server.Host;
using Tributary.Server.Tests.Cli;
using Tributary.TestSupport.Logging;

namespace Tributary.Server.Tests.Host;

/// <summary>The real host on a free loopback port, logging to the test's output, with an <see cref="HttpClient"/> pointed at it.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempRegistry _registry;

    private RunningHost(WebApplication app, TempRegistry registry, Uri baseAddress)
    {
        _app = app;
        _registry = registry;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The host's <c>tributary.yml</c>, which a test may edit while the host runs.</summary>
    public string ConfigPath => _registry.Path;

    /// <summary>Starts the host for the servers in <paramref name="serversYaml"/> (entries indented under <c>mcp_servers</c>).</summary>
    public static Task<RunningHost> StartAsync(string serversYaml, CancellationToken cancellationToken) =>
        StartAsync(serversYaml, static options => options, cancellationToken);

    /// <summary>Starts the host with the test's <see cref="TributaryHostOptions"/> changed by <paramref name="configure"/> (variables, URLs, logging).</summary>
    internal static Task<RunningHost> StartAsync(string serversYaml, Func<TributaryHostOptions, TributaryHostOptions> configure, CancellationToken cancellationToken) =>
        StartWithConfigAsync($"mcp_servers:\n{serversYaml}", configure, cancellationToken);

    /// <summary>Starts the host for the servers in <paramref name="serversYaml"/>, logging to <paramref name="logs"/> too.</summary>
    internal static Task<RunningHost> StartAsync(string serversYaml, Webhooks.WaitableLogs logs, CancellationToken cancellationToken) =>
        StartAsync(
            serversYaml,
            options => options with
            {
                ConfigureLogging = logging =>
                {
                    TestLogging.ConfigureHost(logging);
                    logging.AddProvider(logs);
                },
            },
            cancellationToken);

    /// <summary>Starts the host on a whole <c>tributary.yml</c> (<paramref name="configYaml"/>), with options changed by <paramref name="configure"/>.</summary>
    internal static async Task<RunningHost> StartWithConfigAsync(string configYaml, Func<TributaryHostOptions, TributaryHostOptions> configure, CancellationToken cancellationToken)
    {
        var registry = TempRegistry.Write(configYaml);
        try
        {
            var loaded = TributaryConfigLoader.Load(registry.Path);
            Assert.True(loaded.IsValid, string.Join('\n', loaded.Errors));
            var app = TributaryHost.Build(configure(new TributaryHostOptions
            {
                Config = loaded.Config!,
                Urls = "http://127.0.0.1:0",
                ConfigureLogging = TestLogging.ConfigureHost,
            }));
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new RunningHost(app, registry, new Uri(address));
        }
        catch
        {
            registry.Dispose();
            throw;
        }
    }

    /// <summary>Connects the C# SDK client to <c>/mcp</c> over streamable HTTP with a 2025-11-25 session.</summary>
    public Task<McpClient> ConnectClientAsync(CancellationToken cancellationToken) =>
        ConnectClientAsync(new McpClientHandlers(), cancellationToken);

    /// <summary>Connects a client with <paramref name="handlers"/> (sampling, elicitation) to <c>/mcp</c>.</summary>
    public Task<McpClient> ConnectClientAsync(McpClientHandlers handlers, CancellationToken cancellationToken) =>
        McpTestClient.ConnectAsync(Http, handlers, cancellationToken);

    /// <summary>Stops the host as a signal would; cancelling <paramref name="cancellationToken"/> cuts the graceful part short.</summary>
    internal Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _registry.Dispose();
    }
}
