using System.Text.Json;
using Tributary.TestSupport.FakeGitLab;
using Tributary.TestSupport.Redis;

namespace Tributary.Server.Tests.GitLab;

public sealed class GitLabRedisCacheTests
{
    private const string BackendLookup = "/api/v4/projects/acme%2Fplatform%2Fbackend";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProjectId_CachedInRedis_SurvivesAHostRestart()
    {
        await using var redis = await RedisServer.StartAsync(Token);
        var cache = $"cache:\n  redis: ${{TEST_REDIS}}\n";
        var variables = new Dictionary<string, string> { ["TEST_REDIS"] = $"redis://{redis.Configuration}" };

        var first = await GitLabHost.StartAsync(extraYaml: cache, variables: variables);
        await CallIssueAsync(first);
        await redis.WaitForAnyKeyAsync(Token);
        var gitLab = await first.StopHostAsync();
        Assert.Equal(1, gitLab.CountOf("GET", BackendLookup));

        // A new host (a restart, or another replica) finds the id in Redis and does not ask GitLab again.
        await using var second = await GitLabHost.StartAsync(extraYaml: cache, gitLab: gitLab, variables: variables);
        await CallIssueAsync(second);

        Assert.Equal(1, gitLab.CountOf("GET", BackendLookup));
        Assert.Equal(2, gitLab.CountOf("GET", "/api/v4/projects/278964/issues/1"));
    }

    [Fact]
    public async Task ProjectId_InMemoryOnly_IsLookedUpAgainAfterARestart()
    {
        var first = await GitLabHost.StartAsync();
        await CallIssueAsync(first);
        var gitLab = await first.StopHostAsync();
        await using var second = await GitLabHost.StartAsync(gitLab: gitLab);

        await CallIssueAsync(second);

        Assert.Equal(2, gitLab.CountOf("GET", BackendLookup));
    }

    [Fact]
    public async Task ProjectId_RedisUnreachable_ToolsStillWork()
    {
        int deadPort = Tributary.TestSupport.Network.FreePort.Next();
        await using var env = await GitLabHost.StartAsync(extraYaml: $"cache:\n  redis: 127.0.0.1:{deadPort}\n");

        await CallIssueAsync(env);
        await CallIssueAsync(env);

        Assert.Equal(1, env.GitLab.CountOf("GET", BackendLookup));
    }

    private static async Task CallIssueAsync(GitLabHost host)
    {
        var result = await host.Client.CallToolAsync("gitlab__get_issue", new Dictionary<string, object?> { ["project"] = FakeGitLabData.BackendPath, ["issue_iid"] = 1 }, cancellationToken: Token);
        Assert.True(result.IsError is not true);
        Assert.Contains("Order totals ignore tax", JsonSerializer.Serialize(result.Content), StringComparison.Ordinal);
    }
}
