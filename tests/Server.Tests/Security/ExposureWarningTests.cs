using Microsoft.Extensions.Logging;
using Tributary.Server.Security;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Security;

public sealed class ExposureWarningTests
{
    private const int ExposedEventId = 4001;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:8420", null, false)]
    [InlineData("http://localhost:8420;http://[::1]:8420", null, false)]
    [InlineData("http://0.0.0.0:8420", null, true)]
    [InlineData("http://*:8420", null, true)]
    [InlineData("http://127.0.0.1:8420;http://192.168.1.5:8420", null, true)]
    [InlineData("http://0.0.0.0:8420", "key", false)]
    public void IsExposed_ByBindAndKey(string urls, string? key, bool expected)
    {
        var security = SecurityOptions.Create(urls, name => name == SecurityOptions.KeyVariable ? key : null);

        Assert.Equal(expected, security.IsExposed);
    }

    [Fact]
    public async Task Start_AllInterfacesWithoutKey_LogsWarningHowToSetAKey()
    {
        var logs = new LogCollector();

        await using (await StartAsync("http://0.0.0.0:0", key: null, logs))
        {
        }

        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == ExposedEventId);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            "Listening on http://0.0.0.0:0 beyond loopback without TRIBUTARY_MCP_KEY: anyone who can reach the port can use every upstream tool. " +
            "Set TRIBUTARY_MCP_KEY to a long random value (e.g. from 'openssl rand -hex 32') and have clients send 'Authorization: Bearer <key>', or listen on http://127.0.0.1 only.",
            warning.Message);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", "key")]
    [InlineData("http://127.0.0.1:0", null)]
    public async Task Start_LoopbackOrKeySet_NoWarning(string urls, string? key)
    {
        var logs = new LogCollector();

        await using (await StartAsync(urls, key, logs))
        {
        }

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == ExposedEventId);
    }

    private static Task<RunningHost> StartAsync(string urls, string? key, LogCollector logs) =>
        RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9)),
            options => SecuredHost.WithVariables(options, key, allowedHosts: null) with
            {
                Urls = urls,
                ConfigureLogging = logging =>
                {
                    options.ConfigureLogging?.Invoke(logging);
                    logging.AddProvider(logs);
                },
            },
            Token);
}
