using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Tributary.Server.Security;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.InProcess;

namespace Tributary.Server.Tests.Health;

public sealed class HealthProbeCoalescingTests
{
    private const string Key = "health-test-key";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthProbe_100RequestsAtOnce_OneRoundOfPingsAndOneGitLabUserCall()
    {
        await using var gitLab = await FakeGitLab.StartAsync(Token);
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await RunningHost.StartWithConfigAsync(
            $"gitlab:\n  url: {gitLab.Url}\n  timeout: 10s\nmcp_servers:\n{HealthEndpointTests.HttpServer("live", upstream.Url)}",
            options => options with
            {
                ReadVariable = name => name switch
                {
                    "GITLAB_TOKEN" => FakeGitLab.ValidToken,
                    SecurityOptions.KeyVariable => Key,
                    _ => null,
                },
            },
            Token);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => ProbeAsync(host)));

        Assert.All(answers, answer => Assert.Equal("200 connected connected", answer));
        Assert.Equal(1, upstream.PingCount);
        Assert.Equal(1, gitLab.CountOf("GET", "/api/v4/user"));
    }

    private static async Task<string> ProbeAsync(RunningHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health?probe=true", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await host.Http.SendAsync(request, Token);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var root = json.RootElement;
        return $"{(int)response.StatusCode} {root.GetProperty("servers").GetProperty("live").GetProperty("state").GetString()} {root.GetProperty("gitlab").GetProperty("state").GetString()}";
    }
}
