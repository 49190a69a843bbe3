using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed class ConfigErrorTests
{
    [Theory]
    [InlineData("docs", "url", "config/tributary.yml:3:10: mcp_servers.docs.url: is missing")]
    [InlineData("docs", null, "config/tributary.yml:3:10: mcp_servers.docs: is missing")]
    [InlineData(null, "mcp_servers", "config/tributary.yml:3:10: mcp_servers: is missing")]
    [InlineData(null, null, "config/tributary.yml:3:10: is missing")]
    public void ToString_LeavesOutPartsThatDoNotApply(string? server, string? field, string expected)
    {
        var error = new ConfigError(new ConfigLocation("config/tributary.yml", 3, 10), server, field, "is missing");

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void ToString_WholeFileError_LeavesOutLineAndColumn()
    {
        var error = new ConfigError(new ConfigLocation("config/tributary.yml", 0, 0), null, null, "the file does not exist");

        Assert.Equal("config/tributary.yml: the file does not exist", error.ToString());
    }

    [Fact]
    public void ConfigException_OneError_UsesSingularHeading()
    {
        var error = new ConfigError(new ConfigLocation("t.yml", 1, 1), null, "mcp_server", "unknown top-level key 'mcp_server'; did you mean 'mcp_servers'?");

        var ex = new ConfigException("t.yml", [error]);

        Assert.Equal("t.yml has 1 error:\nt.yml:1:1: mcp_server: unknown top-level key 'mcp_server'; did you mean 'mcp_servers'?", ex.Message);
    }
}
