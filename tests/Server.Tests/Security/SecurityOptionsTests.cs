using Tributary.Server.Security;

namespace Tributary.Server.Tests.Security;

public sealed class SecurityOptionsTests
{
    [Fact]
    public void Create_LoopbackNoVariables_LoopbackHostsAndNoKey()
    {
        var options = SecurityOptions.Create("http://127.0.0.1:8420", _ => null);

        Assert.Null(options.Key);
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], options.AllowedHosts);
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], options.AllowedOriginHosts);
    }

    [Fact]
    public void Create_AllInterfacesNoVariables_AnyHostButLoopbackOriginsOnly()
    {
        var options = SecurityOptions.Create("http://0.0.0.0:8420", _ => null);

        Assert.Equal(["*"], options.AllowedHosts);
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], options.AllowedOriginHosts);
    }

    [Fact]
    public void Create_AllowedHostsVariable_UsedForHostsAndOrigins()
    {
        var options = SecurityOptions.Create(
            "http://0.0.0.0:8420",
            name => name == SecurityOptions.AllowedHostsVariable ? " tributary.lan ; localhost;" : null);

        Assert.Equal(["tributary.lan", "localhost"], options.AllowedHosts);
        Assert.Equal(["tributary.lan", "localhost"], options.AllowedOriginHosts);
    }

    [Fact]
    public void Create_EmptyKeyVariable_NoKey()
    {
        var options = SecurityOptions.Create("http://127.0.0.1:8420", name => name == SecurityOptions.KeyVariable ? string.Empty : null);

        Assert.Null(options.Key);
    }

    [Fact]
    public void Create_HostsFromTheFile_UsedWhenTheVariableIsUnset()
    {
        var options = SecurityOptions.Create("http://0.0.0.0:8420", _ => null, ["tributary.lan"]);

        Assert.Equal(["tributary.lan"], options.AllowedHosts);
        Assert.Equal(["tributary.lan"], options.AllowedOriginHosts);
    }

    [Fact]
    public void Create_HostsFromTheFileAndTheVariable_TheVariableWins()
    {
        var options = SecurityOptions.Create("http://0.0.0.0:8420", name => name == SecurityOptions.AllowedHostsVariable ? "other.lan" : null, ["tributary.lan"]);

        Assert.Equal(["other.lan"], options.AllowedHosts);
    }
}
