using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Agents.Configuration;
using Tributary.Agents.GitLab;
using Tributary.McpClientRegistry.Configuration;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.Logging;

namespace Tributary.Agents.Tests.GitLab;

/// <summary>The fake GitLab and the real client, resilience pipeline and toolset wired by <c>AddTributaryGitLab</c>.</summary>
internal sealed class GitLabHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GitLabHarness(FakeGitLab gitLab, ServiceProvider services)
    {
        GitLab = gitLab;
        _services = services;
    }

    public FakeGitLab GitLab { get; }

    public GitLabClient Client => _services.GetRequiredService<GitLabClient>();

    public GitLabToolset Toolset => _services.GetRequiredService<GitLabToolset>();

    /// <summary>Starts the fake and wires the client to it with <paramref name="token"/> in <c>GITLAB_TOKEN</c> (<see langword="null"/>: unset).</summary>
    public static async Task<GitLabHarness> StartAsync(string? token = FakeGitLab.ValidToken, TimeSpan? timeout = null)
    {
        var gitLab = await FakeGitLab.StartAsync(TestContext.Current.CancellationToken);
        var config = TributaryConfig.ForRegistry(new RegistryConfig("tributary.yml", []))
            with
        { GitLab = new GitLabConfig(gitLab.Url, "GITLAB_TOKEN", timeout ?? TimeSpan.FromSeconds(10)), Cache = new CacheConfig(null) };
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (TestContext.Current.TestOutputHelper is { } output)
            {
                logging.AddProvider(new TestOutputLoggerProvider(output, LogLevel.Debug));
                logging.SetMinimumLevel(LogLevel.Debug);
            }
        });
        services.AddTributaryGitLab(config, name => name == "GITLAB_TOKEN" ? token : null);
        return new GitLabHarness(gitLab, services.BuildServiceProvider());
    }

    /// <summary>Calls the tool <paramref name="name"/> as an agent kernel would, with the given arguments.</summary>
    public async Task<string> CallAsync(string name, params (string Name, object? Value)[] arguments)
    {
        var tool = Toolset.Find(name) ?? throw new InvalidOperationException($"no tool {name}");
        var args = new Microsoft.Extensions.AI.AIFunctionArguments(arguments.ToDictionary(a => a.Name, a => a.Value));
        var result = await tool.Function.InvokeAsync(args, TestContext.Current.CancellationToken);
        return result is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } text ? text.GetString()! : result?.ToString() ?? string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await GitLab.DisposeAsync();
    }
}
