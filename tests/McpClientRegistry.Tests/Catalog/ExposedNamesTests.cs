using System.Text.RegularExpressions;
using Tributary.McpClientRegistry.Catalog;

namespace Tributary.McpClientRegistry.Tests.Catalog;

public sealed partial class ExposedNamesTests
{
    [Theory]
    [InlineData("everything", "echo", "everything__echo")]
    [InlineData("", "echo", "echo")]
    [InlineData("docs", "get.data", "docs__get_data")]
    [InlineData("docs", "has space", "docs__has_space")]
    [InlineData("docs", "naïve/tool", "docs__na_ve_tool")]
    [InlineData("my-server", "keep-dash_and_underscore", "my-server__keep-dash_and_underscore")]
    public void Compose_ShortNames_PrefixedAndSanitized(string prefix, string name, string expected) =>
        Assert.Equal(expected, ExposedNames.Compose(prefix, name));

    [Fact]
    public void Compose_NameOver64_ShortenedDeterministicallyWithHash()
    {
        var longName = new string('x', 70);

        var first = ExposedNames.Compose("docs", longName);
        var again = ExposedNames.Compose("docs", longName);
        var sibling = ExposedNames.Compose("docs", new string('x', 69) + "y");

        Assert.Equal(64, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, sibling);
        Assert.StartsWith("docs__xxxx", first, StringComparison.Ordinal);
        Assert.Matches(ValidName(), first);
    }

    [Fact]
    public void Compose_EmptyName_StillValid() => Assert.Equal("docs___", ExposedNames.Compose("docs", string.Empty));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    internal static partial Regex ValidName();
}
