using ModelContextProtocol.Client;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.FakeGitLab;

namespace Tributary.Server.Tests.GitLab;

/// <summary>The fake GitLab, the real host configured for it (and for <paramref name="extraYaml"/>), and an MCP client on <c>/mcp</c>.</summary>
internal sealed class GitLabHost : IAsyncDisposable
{
    private GitLabHost(FakeGitLab gitLab, RunningHost host, McpClient client)
    {
        GitLab = gitLab;
        Host = host;
        Client = client;
    }

    public FakeGitLab GitLab { get; }

    public RunningHost Host { get; }

    public McpClient Client { get; }

    /// <summary>
    /// Starts everything; <paramref name="token"/> is what GITLAB_TOKEN holds (<see langword="null"/>: unset) and
    /// <paramref name="mcpTools"/> is <c>gitlab.mcp_tools</c> (<see langword="null"/>: not written, so <c>read</c>).
    /// </summary>
    public static async Task<GitLabHost> StartAsync(string? token = FakeGitLab.ValidToken, string extraYaml = "", FakeGitLab? gitLab = null, IReadOnlyDictionary<string, string>? variables = null, string? mcpTools = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        gitLab ??= await FakeGitLab.StartAsync(cancellationToken);
        var host = await RunningHost.StartWithConfigAsync(
            $"gitlab:\n  url: {gitLab.Url}\n  timeout: 10s\n{(mcpTools is null ? string.Empty : $"  mcp_tools: {mcpTools}\n")}{extraYaml}",
            options => options with { ReadVariable = name => name == "GITLAB_TOKEN" ? token : variables?.GetValueOrDefault(name) },
            cancellationToken);
        var client = await host.ConnectClientAsync(cancellationToken);
        return new GitLabHost(gitLab, host, client);
    }

    /// <summary>Stops the host but keeps the fake GitLab running (for a restart against the same GitLab).</summary>
    public async Task<FakeGitLab> StopHostAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
        return GitLab;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
        await GitLab.DisposeAsync();
    }
}
