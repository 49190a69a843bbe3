using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Server.Host;
using Tributary.Server.Security;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Security;

public sealed class ExposureGuardTests
{
    private const int AnonymousEventId = 4001;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:8420", true)]
    [InlineData("http://localhost:8420", true)]
    [InlineData("http://[::1]:8420", true)]
    [InlineData("http://unix:/run/tributary.sock", true)]
    [InlineData("http://0.0.0.0:8420", false)]
    [InlineData("http://[::]:8420", false)]
    [InlineData("http://192.168.1.5:8420", false)]
    [InlineData("http://tributary.example.com:8420", false)]
    public void IsLocal_BoundAddress(string address, bool expected) =>
        Assert.Equal(expected, ListenAddresses.IsLocal(address));

    // A bare `tributary` is `serve`, and takes its options too.
    [Theory]
    [InlineData("serve")]
    [InlineData("")]
    public async Task Serve_AllInterfacesWithoutKey_ExitsOneSayingHowToSetAKeyOrOptOut(string command)
    {
        string url = $"http://0.0.0.0:{FreePort.Next()}";
        using var registry = TempRegistry.Write("mcp_servers: {}\n");
        string[] options = ["--config", registry.Path, "--urls", url];

        var result = await CliRunner.RunAsync(command.Length > 0 ? [command, .. options] : options, Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"error: refusing to serve: listening on {url} reaches beyond this machine and TRIBUTARY_MCP_KEY is not set, so anyone who can reach the port could use every tool, the GitLab tools and the agents.",
                "Set TRIBUTARY_MCP_KEY to a long random value (e.g. 'export TRIBUTARY_MCP_KEY=$(openssl rand -hex 32)') and have clients send 'Authorization: Bearer <key>'; or listen on loopback only (--urls http://127.0.0.1:8420); or pass --allow-anonymous to serve without a key anyway.",
            ],
            result.ErrorLines.TakeLast(2));
    }

    [Fact]
    public async Task Serve_AllInterfacesWithAllowAnonymous_ServesUntilStopped()
    {
        int port = FreePort.Next();
        using var registry = TempRegistry.Write("mcp_servers: {}\n");

        var (status, result) = await ServeRun.UntilLiveAsync(
            ["serve", "--config", registry.Path, "--urls", $"http://0.0.0.0:{port}", "--allow-anonymous"], variables: null, new Uri($"http://127.0.0.1:{port}"), Token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Start_AllInterfacesWithAllowAnonymous_WarnsAndServes()
    {
        var logs = new LogCollector();

        await using var host = await StartAsync(options => options with { Urls = "http://0.0.0.0:0", AllowAnonymous = true }, key: null, logs);
        var live = await GetLiveOverLoopbackAsync(host);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Null(host.Services.GetRequiredService<ExposureGuard>().Refusal);
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == AnonymousEventId);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            $"Listening on {BoundAddresses(host)} beyond loopback without TRIBUTARY_MCP_KEY (--allow-anonymous): anyone who can reach the port can use every tool, the GitLab tools and the agents. " +
            "Set TRIBUTARY_MCP_KEY to a long random value (e.g. from 'openssl rand -hex 32') and have clients send 'Authorization: Bearer <key>', or listen on http://127.0.0.1 only.",
            warning.Message);
    }

    [Fact]
    public async Task Start_KestrelConfigurationBindsAllInterfaces_RefusesAndServesNothing()
    {
        // --urls says loopback, but Kestrel's own configuration wins; the guard judges what was bound.
        var web = new WebApplicationOptions { Args = ["--Kestrel:Endpoints:Public:Url=http://0.0.0.0:0"] };

        await using var host = await StartAsync(options => options with { Urls = "http://127.0.0.1:0", Web = web }, key: null, new LogCollector());
        var answer = await GetLiveOverLoopbackAsync(host);

        string bound = BoundAddresses(host);
        Assert.StartsWith("http://0.0.0.0:", bound, StringComparison.Ordinal);
        Assert.Equal(ExposureGuard.RefusalMessage(bound), host.Services.GetRequiredService<ExposureGuard>().Refusal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("""{"error":"not_serving","message":"Tributary is not serving: it is starting, or refused to serve (see its log)"}""", await answer.Content.ReadAsStringAsync(Token));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", "key")]
    [InlineData("http://127.0.0.1:0", null)]
    public async Task Start_LoopbackOrKeySet_ServesWithoutWarning(string urls, string? key)
    {
        var logs = new LogCollector();

        await using var host = await StartAsync(options => options with { Urls = urls }, key, logs);
        var live = await GetLiveOverLoopbackAsync(host);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Null(host.Services.GetRequiredService<ExposureGuard>().Refusal);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == AnonymousEventId);
    }

    // The host may be bound to 0.0.0.0, which is no address to connect to.
    private static async Task<HttpResponseMessage> GetLiveOverLoopbackAsync(RunningHost host)
    {
        using var http = new HttpClient();
        return await http.GetAsync(new Uri($"http://127.0.0.1:{host.BaseAddress.Port}/health/live"), Token);
    }

    private static string BoundAddresses(RunningHost host) =>
        string.Join(", ", host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses);

    private static Task<RunningHost> StartAsync(Func<TributaryHostOptions, TributaryHostOptions> configure, string? key, LogCollector logs) =>
        RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)),
            options => configure(SecuredHost.WithVariables(options, key, allowedHosts: null) with
            {
                ConfigureLogging = logging =>
                {
                    options.ConfigureLogging?.Invoke(logging);
                    logging.AddProvider(logs);
                },
            }),
            Token);
}
