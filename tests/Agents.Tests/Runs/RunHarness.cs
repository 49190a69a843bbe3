using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;
using Tributary.Agents.Runs;
using Tributary.Agents.Tests.Definitions;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.FakeModel;
using Tributary.TestSupport.Logging;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Agents.Tests.Runs;

/// <summary>
/// The real agent runner wired by <c>AddTributaryAgents</c> against the fake GitLab, the fake model (as an
/// <c>openai-compatible</c> model) and a registry with the real server-everything over stdio and a server that is down.
/// </summary>
internal sealed class RunHarness : IAsyncDisposable
{
    public const string ModelKey = "sk-fake-model-key";

    private readonly TempConfig _files;
    private readonly ServiceProvider _services;

    private RunHarness(TempConfig files, FakeGitLab gitLab, FakeModelServer model, ServiceProvider services)
    {
        _files = files;
        GitLab = gitLab;
        Model = model;
        _services = services;
    }

    public FakeGitLab GitLab { get; }

    public FakeModelServer Model { get; }

    public AgentRunner Runner => _services.GetRequiredService<AgentRunner>();

    /// <summary>A service of the wired agents (the reviewer, the mention responder).</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Starts the fakes; <paramref name="agents"/> are agent files (name, YAML) written under <c>agents/</c>.</summary>
    public static async Task<RunHarness> StartAsync(Func<FakeModelRequest, FakeModelReply> script, params (string File, string Yaml)[] agents)
    {
        var token = TestContext.Current.CancellationToken;
        var gitLab = await FakeGitLab.StartAsync(token);
        var model = await FakeModelServer.StartAsync(script, token);
        var everything = NpmServers.Everything();
        string args = string.Join(", ", everything.Arguments.Select(a => $"\"{a}\""));
        var files = TempConfig.Write(
            $"""
            mcp_servers:
              everything:
                transport: stdio
                command: "{everything.Command}"
                args: [{args}]
                connect_timeout: 60s
              down:
                url: http://127.0.0.1:{FreePort.Next()}/mcp
                connect_timeout: 5s
            models:
              fake:
                provider: openai-compatible
                endpoint: {model.Endpoint}
                model: fake-model
                api_key_env: FAKE_MODEL_KEY
            """,
            agents);
        var loaded = TributaryConfigLoader.Load(files.ConfigPath);
        Assert.Empty(loaded.Errors);
        var config = loaded.Config! with
        {
            GitLab = new GitLabConfig(gitLab.Url, "GITLAB_TOKEN", TimeSpan.FromSeconds(10)),
            Cache = new CacheConfig(null),
        };
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (TestContext.Current.TestOutputHelper is { } output)
            {
                logging.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Debug));
                logging.SetMinimumLevel(LogLevel.Debug);
            }
        });
        services.AddTributaryAgents(config, name => name switch
        {
            "GITLAB_TOKEN" => FakeGitLab.ValidToken,
            "FAKE_MODEL_KEY" => ModelKey,
            _ => null,
        });
        return new RunHarness(files, gitLab, model, services.BuildServiceProvider());
    }

    /// <summary>Runs <paramref name="request"/>, streamed or not, returning the result and the streamed chunks.</summary>
    public async Task<(AgentRunResult Result, IReadOnlyList<string> Chunks)> RunAsync(AgentRunRequest request, bool stream)
    {
        var chunks = new List<string>();
        var result = await Runner.RunAsync(
            request,
            stream ? (chunk, _) => { chunks.Add(chunk); return ValueTask.CompletedTask; } : null,
            TestContext.Current.CancellationToken);
        return (result, chunks);
    }

    /// <summary>The account of tool calls as one line each: <c>server/tool outcome</c>.</summary>
    public static string[] Account(AgentRunResult result) =>
        [.. result.ToolCalls.Select(c => $"{c.Server}/{c.Tool} {c.Outcome}")];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Model.DisposeAsync();
        await GitLab.DisposeAsync();
        _files.Dispose();
    }
}
