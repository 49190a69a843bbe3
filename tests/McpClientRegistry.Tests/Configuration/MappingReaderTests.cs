using Tributary.McpClientRegistry.Configuration;
using YamlDotNet.RepresentationModel;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed class MappingReaderTests
{
    private const string File = "t.yml";

    private static readonly string[] Fields = ["name", "enabled", "timeout", "size", "count", "ratio", "items", "token_env", "endpoint"];

    [Fact]
    public void Read_EveryKindOfProblem_ReportsAllAtOnceInFileOrderWithLineAndColumn()
    {
        var (document, reader) = Read(
            """
            section:
              nmae: x
              enabled: [true]
              timeout: soon
              size: 1KB
              count: many
              ratio: 3
              items: one
              token_env: glpat-123
              endpoint: ftp://example.com
              timeout: 5s
            """);

        ReadAll(reader);

        Assert.Equal(
            [
                "t.yml:2:3: section.nmae: unknown field 'nmae'; did you mean 'name'?",
                "t.yml:3:12: section.enabled: must be true or false, but it is a list; write 'enabled: true' or 'enabled: false'",
                "t.yml:4:12: section.timeout: 'soon' is not a duration; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h",
                "t.yml:5:9: section.size: '1KB' is not a size; write a number of bytes (1048576) or a whole number with a unit: 512KiB, 16MiB, 1GiB",
                "t.yml:6:10: section.count: must be a whole number from 1 to 10, but is 'many'; write e.g. 'count: 3'",
                "t.yml:7:10: section.ratio: must be a number from 0 to 2, but is '3'; write e.g. 'ratio: 0.5'",
                "t.yml:8:10: section.items: must be a list, but it is a single value; write e.g. 'items: [a, b]'",
                "t.yml:9:14: section.token_env: must be the name of an environment variable (letters, digits and '_', not starting with a digit), not its value; export the secret and write e.g. 'token_env: MY_TOKEN'",
                "t.yml:10:13: section.endpoint: 'ftp://example.com' is not an http:// or https:// URL; write e.g. 'endpoint: https://example.com'",
                "t.yml:11:3: section.timeout: is given twice (first on line 4); keep one",
            ],
            Errors(document));
    }

    [Fact]
    public void Read_ValidValues_GivesThemTyped()
    {
        var (document, reader) = Read(
            """
            section:
              name: docs
              enabled: false
              timeout: 1.5
              size: 2MiB
              count: 7
              ratio: 0.25
              items: [a, b]
              token_env: MY_TOKEN
              endpoint: https://example.com/v1
            """);

        Assert.Equal("docs", reader.Text("name"));
        Assert.False(reader.Bool("enabled"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), reader.Duration("timeout"));
        Assert.Equal(2L * 1024 * 1024, reader.Size("size", 1024, long.MaxValue));
        Assert.Equal(7, reader.WholeNumber("count", 1, 10, "3"));
        Assert.Equal(0.25, reader.Number("ratio", 0, 2, "0.5"));
        Assert.Equal(["a", "b"], reader.TextList("items", "[a, b]")!.Select(i => i.Text));
        Assert.Equal("MY_TOKEN", reader.VariableName("token_env", "MY_TOKEN"));
        Assert.Equal(new Uri("https://example.com/v1"), reader.HttpUrl("endpoint", "https://example.com"));
        Assert.Empty(document.Errors);
    }

    // An empty typed value is a mistake, not "use the default": the default is had by leaving the line out.
    [Fact]
    public void Read_EmptyTypedValues_SayWhatToWrite()
    {
        var (document, reader) = Read("section:\n  enabled:\n  timeout: ~\n  count:\n  name:\n");

        Assert.Null(reader.Bool("enabled"));
        Assert.Null(reader.Duration("timeout"));
        Assert.Null(reader.WholeNumber("count", 1, 10, "3"));
        Assert.Null(reader.Text("name"));
        Assert.Equal(
            [
                "t.yml:2:11: section.enabled: must be true or false, but it is empty; write 'enabled: true' or 'enabled: false'",
                "t.yml:3:12: section.timeout: must be a duration such as '30s', but it is empty; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h",
                "t.yml:4:9: section.count: must be a whole number from 1 to 10, but it is empty; write e.g. 'count: 3'",
            ],
            Errors(document));
    }

    [Fact]
    public void Read_RefusedField_SaysWhatToUseInstead()
    {
        var document = YamlConfigDocument.Parse("section:\n  port: 80\n  nam: x\n", File);
        var refused = new Dictionary<string, string> { ["port"] = "is not read; write it in 'urls'" };

        MappingReader.Read(document.Context.ForScope(null), "section", document.Section("section"), Fields, "name: x", refused);

        Assert.Equal(
            [
                "t.yml:2:3: section.port: is not read; write it in 'urls'",
                "t.yml:3:3: section.nam: unknown field 'nam'; did you mean 'name'?",
            ],
            Errors(document));
    }

    [Theory]
    [InlineData("section: [a]\n", "t.yml:1:10: section: must be a mapping of settings, but it is a list; write e.g. 'section: { name: x }'")]
    [InlineData("section:\n  [a]: 1\n", "t.yml:2:3: section: a key must be a plain name, but this one is a list; write it as 'name:'")]
    [InlineData("section:\n  retries: 3\n", "t.yml:2:3: section.retries: unknown field 'retries'; valid fields are: name, enabled, timeout, size, count, ratio, items, token_env, endpoint")]
    public void Read_NotAMappingOrUnknownKey_IsReported(string yaml, string error)
    {
        var (document, _) = Read(yaml);

        Assert.Equal([error], Errors(document));
    }

    [Fact]
    public void ReadEntry_NamesTheEntryInItsSection()
    {
        var document = YamlConfigDocument.Parse("mcp_servers:\n  docs:\n    timeout: 0\n    tools: { alow: [x] }\n", File);
        var entry = (YamlMappingNode)((YamlMappingNode)document.Section("mcp_servers")!).Children.Single().Value;

        var reader = MappingReader.ReadEntry(document.Context, "docs", entry, ["timeout", "tools"]);
        reader.Duration("timeout");
        reader.Nested("tools", (YamlMappingNode)reader.Node("tools")!, ["allow", "deny"]);

        Assert.Equal(
            [
                "t.yml:3:14: mcp_servers.docs.timeout: must be greater than zero, but is '0'; write e.g. '30s'",
                "t.yml:4:14: mcp_servers.docs.tools.alow: unknown field 'alow'; did you mean 'allow'?",
            ],
            Errors(document));
    }

    private static (YamlConfigDocument Document, MappingReader Reader) Read(string yaml)
    {
        var document = YamlConfigDocument.Parse(yaml, File);
        return (document, MappingReader.Read(document.Context.ForScope(null), "section", document.Section("section"), Fields, "name: x"));
    }

    private static void ReadAll(MappingReader reader)
    {
        reader.Text("name");
        reader.Bool("enabled");
        reader.Duration("timeout");
        reader.Size("size", 1024, long.MaxValue);
        reader.WholeNumber("count", 1, 10, "3");
        reader.Number("ratio", 0, 2, "0.5");
        reader.TextList("items", "[a, b]");
        reader.VariableName("token_env", "MY_TOKEN");
        reader.HttpUrl("endpoint", "https://example.com");
    }

    private static string[] Errors(YamlConfigDocument document) => [.. document.Errors.Select(e => e.ToString())];
}
