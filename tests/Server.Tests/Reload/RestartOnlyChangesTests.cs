using Tributary.Agents.Configuration;
using Tributary.Server.Reload;

namespace Tributary.Server.Tests.Reload;

public sealed class RestartOnlyChangesTests
{
    private const string OAuth = "host:\n  oauth: { authority: https://login.example.com, audience: api://tributary, scopes: { read: tributary.read } }\n";

    [Theory]
    [InlineData("", OAuth)]
    [InlineData(OAuth, "")]
    [InlineData(OAuth, "host:\n  oauth: { authority: https://login.example.com, audience: api://tributary, scopes: { read: tributary.use } }\n")]
    public void Between_OAuthChanged_IsReportedAsNeedingARestart(string running, string next)
    {
        Assert.Equal(["host.oauth"], RestartOnlyChanges.Between(Load(running), Load(next)));
    }

    [Fact]
    public void Between_SameOAuth_NothingToReport()
    {
        Assert.Empty(RestartOnlyChanges.Between(Load(OAuth), Load(OAuth)));
    }

    private static TributaryConfig Load(string yaml)
    {
        var result = TributaryConfigLoader.Parse(yaml + "mcp_servers: {}\n", "tributary.yml");
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        return result.Config!;
    }
}
