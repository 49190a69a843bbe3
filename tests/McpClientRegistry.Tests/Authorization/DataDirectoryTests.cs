using Tributary.McpClientRegistry.Authorization;

namespace Tributary.McpClientRegistry.Tests.Authorization;

public sealed class DataDirectoryTests
{
    [Theory]
    [InlineData("/srv/tributary-data", "/xdg", "/home/ana", "/srv/tributary-data")]
    [InlineData(null, "/xdg", "/home/ana", "/xdg/tributary")]
    [InlineData(null, "relative/xdg", "/home/ana", "/home/ana/.local/share/tributary")]
    [InlineData(null, null, "/home/ana", "/home/ana/.local/share/tributary")]
    public void Resolve_Variables_FollowsTheXdgOrder(string? own, string? xdg, string home, string expected)
    {
        var variables = new Dictionary<string, string?> { [DataDirectory.Variable] = own, ["XDG_DATA_HOME"] = xdg, ["HOME"] = home };

        Assert.Equal(expected, DataDirectory.Resolve(name => variables.GetValueOrDefault(name)));
    }
}
