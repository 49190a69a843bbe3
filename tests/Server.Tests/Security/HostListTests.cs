using Tributary.Server.Security;

namespace Tributary.Server.Tests.Security;

public sealed class HostListTests
{
    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("evil.example", false)]
    [InlineData("localhost.evil.example", false)]
    [InlineData("null", false)]
    public void Allows_LoopbackDefaults_OnlyLoopbackNames(string host, bool expected) =>
        Assert.Equal(expected, HostList.Allows(SecurityOptions.LoopbackHosts, host));

    [Theory]
    [InlineData("app.example.com", true)]
    [InlineData("deep.app.example.com", true)]
    [InlineData("example.com", false)]
    [InlineData("evilexample.com", false)]
    public void Allows_WildcardSubdomain_SubdomainsOnly(string host, bool expected) =>
        Assert.Equal(expected, HostList.Allows(["*.example.com"], host));

    [Fact]
    public void Allows_Star_AnyHost() =>
        Assert.True(HostList.Allows(["*"], "anything.example"));
}
