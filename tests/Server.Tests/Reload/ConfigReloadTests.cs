using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Agents.Runs;
using Tributary.Server.Tests.Host;
using Tributary.Server.Reload;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Webhooks;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Logging;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Reload;

/// <summary>Editing the configuration of a running host: it is checked, then applied or rejected as a whole.</summary>
public sealed class ConfigReloadTests
{
    private const int Applied = 8001;
    private const int RejectedError = 8002;
    private const int Rejected = 8003;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditRegistry_AddRemoveBreakFix_AppliedOrRejectedWhileCallsToAnUnchangedServerNeverFail()
    {
        await using var live = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var more = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "more" }, Token);
        var marker = StdioProcesses.NewMarker();
        var logs = new WaitableLogs();
        await using var host = await StartAsync(Http("live", live.Url) + Everything(marker), logs, watch: true);
        await using var client = await host.ConnectClientAsync(Token);
        Assert.Contains("everything__echo", await ToolNamesAsync(client));
        var pid = StdioProcesses.SingleWithMarker(marker);

        // A client keeps calling the server no edit touches, from start to end.
        using var stopCalls = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var calls = CallUntilStoppedAsync(client, stopCalls.Token);

        // Add a server: its tools appear and the client hears of it.
        await using (var watch = new ListChangedWatch(client, NotificationMethods.ToolListChangedNotification))
        {
            await File.WriteAllTextAsync(host.ConfigPath, Config(Http("live", live.Url) + Everything(marker) + Http("more", more.Url)), Token);
            await logs.WaitForAsync(Applied, 1);
            await watch.UntilAsync(() => ToolNamesAsync(client), names => names.Contains("more__echo"), Token);
        }

        // Remove the stdio server: its process is gone and so are its tools.
        await File.WriteAllTextAsync(host.ConfigPath, Config(Http("live", live.Url) + Http("more", more.Url)), Token);
        var removed = await logs.WaitForAsync(Applied, 2);
        Assert.False(StdioProcesses.IsAlive(pid), $"the stdio server {pid} still runs after its removal");
        Assert.Equal(["live__echo", "more__echo"], (await ToolNamesAsync(client)).Where(n => !n.StartsWith("gitlab__", StringComparison.Ordinal)));
        Assert.Contains("removed: everything;", removed.Message, StringComparison.Ordinal);

        // Break the YAML: rejected as a whole, the last good catalog serves, /health says why with the line.
        await File.WriteAllTextAsync(host.ConfigPath, Config(Http("live", live.Url) + Http("more", more.Url) + "  broken:\n    transport: pigeon\n"), Token);
        var rejected = await logs.WaitForAsync(Rejected, 1);
        Assert.EndsWith("rejected with 1 error; the last good configuration keeps serving", rejected.Message, StringComparison.Ordinal);
        using (var health = await HealthAsync(host))
        {
            var reload = health.RootElement.GetProperty("reload");
            Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
            Assert.Equal("failed", reload.GetProperty("state").GetString());
            Assert.Equal([$"{host.ConfigPath}:9:16: mcp_servers.broken.transport: unknown transport 'pigeon'; use one of: streamable-http (the default; alias streamable_http), sse, stdio"], reload.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Equal(["live__echo", "more__echo"], (await ToolNamesAsync(client)).Where(n => !n.StartsWith("gitlab__", StringComparison.Ordinal)));
        var stillServed = await client.CallToolAsync("more__echo", new Dictionary<string, object?> { ["n"] = 1 }, cancellationToken: Token);
        Assert.NotEqual(true, stillServed.IsError);

        // Fix it: applied, and /health is healthy again.
        await File.WriteAllTextAsync(host.ConfigPath, Config(Http("live", live.Url) + Http("more", more.Url)), Token);
        await logs.WaitForAsync(Applied, 3);
        using (var health = await HealthAsync(host))
        {
            var reload = health.RootElement.GetProperty("reload");
            Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
            Assert.Equal("applied", reload.GetProperty("state").GetString());
            Assert.Empty(reload.GetProperty("errors").EnumerateArray());
        }

        await stopCalls.CancelAsync();
        var (succeeded, failures) = await calls;
        Assert.Empty(failures);
        Assert.True(succeeded > 0, "the client's calls never ran");
    }

    [Fact]
    public async Task Sighup_NotWatching_ReloadsAgentsAndServersAndNamesWhatNeedsARestart()
    {
        await using var live = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var more = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "more" }, Token);
        var logs = new WaitableLogs();
        await using var host = await StartAsync(Http("live", live.Url), logs, watch: false);
        var agentsDirectory = Path.Combine(Path.GetDirectoryName(host.ConfigPath)!, "agents");
        Directory.CreateDirectory(agentsDirectory);
        await File.WriteAllTextAsync(Path.Combine(agentsDirectory, "helper.yml"), "name: helper\ninstructions: Help.\ngitlab_tools: none\nmcp_servers: [more]\n", Token);
        await File.WriteAllTextAsync(
            host.ConfigPath,
            "gitlab: { url: \"https://gitlab.example.com\" }\nmodels:\n  gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }\n" + Config(Http("live", live.Url) + Http("more", more.Url)),
            Token);

        // What SIGHUP's handler calls; a real signal would reach every test in this process.
        host.Services.GetRequiredService<ConfigReloadMonitor>().RequestReload(ConfigReloadMonitor.SignalCause);
        var applied = await logs.WaitForAsync(Applied, 1);
        await using var client = await host.ConnectClientAsync(Token);

        Assert.Equal(
            $"Configuration reloaded from {host.ConfigPath} (SIGHUP): servers added: more; removed: none; changed: none; agents added: helper; agents removed: none",
            applied.Message);
        Assert.Contains("more__echo", await ToolNamesAsync(client));
        Assert.Equal(["helper"], host.Services.GetRequiredService<AgentRunner>().Agents.Select(a => a.Name));
        using var health = await HealthAsync(host);
        var reload = health.RootElement.GetProperty("reload");
        Assert.Equal("applied", reload.GetProperty("state").GetString());
        Assert.Equal(["gitlab.url changed: restart Tributary to apply it"], reload.GetProperty("restartNeeded").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AgentFileCreated_Watching_TheAgentCanRunAndABrokenOneIsRejectedWithItsFile()
    {
        var logs = new WaitableLogs();
        await using var host = await StartWithConfigAsync(
            "models:\n  gpt: { provider: openai, model: gpt-4.1, api_key_env: OPENAI_API_KEY }\nmcp_servers: {}\n",
            logs,
            watch: true);
        var runner = host.Services.GetRequiredService<AgentRunner>();
        var agents = Path.Combine(Path.GetDirectoryName(host.ConfigPath)!, "agents");

        // The folder does not exist at start: its files count once it is created.
        Directory.CreateDirectory(agents);
        await File.WriteAllTextAsync(Path.Combine(agents, "helper.yml"), "name: helper\ninstructions: Help.\ngitlab_tools: none\n", Token);
        await logs.WaitForAsync(Applied, 1);
        Assert.Equal(["helper"], runner.Agents.Select(a => a.Name));

        await File.WriteAllTextAsync(Path.Combine(agents, "other.yml"), "name: other\ninstructions: Help.\nmodel: nope\n", Token);
        var rejected = await logs.WaitForAsync(RejectedError, 1);

        Assert.Equal($"Configuration reload rejected: {Path.Combine(agents, "other.yml")}:3:8: model: unknown model 'nope'; the models in tributary.yml are: gpt", rejected.Message);
        Assert.Equal(["helper"], runner.Agents.Select(a => a.Name));
    }

    private static Task<RunningHost> StartAsync(string servers, WaitableLogs logs, bool watch) =>
        StartWithConfigAsync(Config(servers), logs, watch);

    private static async Task<RunningHost> StartWithConfigAsync(string config, WaitableLogs logs, bool watch) =>
        await RunningHost.StartWithConfigAsync(
            config,
            options => options with
            {
                WatchConfig = watch,
                ConfigureLogging = logging =>
                {
                    TestLogging.ConfigureHost(logging);
                    logging.AddProvider(logs);
                },
            },
            Token);

    private static string Config(string servers) => $"mcp_servers:\n{servers}";

    private static string Http(string name, Uri url) => HealthEndpointTests.HttpServer(name, url);

    private static string Everything(string marker) =>
        TempRegistry.EverythingStdio(extra: $"    env: {{ {StdioProcesses.MarkerVariable}: \"{marker}\" }}\n");

    private static async Task<IReadOnlyList<string>> ToolNamesAsync(McpClient client) =>
        [.. (await client.ListToolsAsync(cancellationToken: Token)).Select(t => t.Name)];

    private static async Task<JsonDocument> HealthAsync(RunningHost host)
    {
        using var response = await host.Http.GetAsync(new Uri("/health", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task<(int Succeeded, IReadOnlyList<string> Failures)> CallUntilStoppedAsync(McpClient client, CancellationToken stop)
    {
        var succeeded = 0;
        var failures = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var result = await client.CallToolAsync("live__echo", new Dictionary<string, object?> { ["n"] = succeeded }, cancellationToken: stop);
                if (result.IsError == true)
                {
                    failures.Add(string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
                }
                else
                {
                    succeeded++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures.Add(e.Message);
            }
        }

        return (succeeded, failures);
    }
}
