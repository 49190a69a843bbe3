using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed partial class RegistryConfigLoaderTests
{
    [Fact]
    public void Parse_UnterminatedQuote_ReportsYamlErrorPosition()
    {
        string error = Error("mcp_servers:\n  a:\n    url: \"http://localhost/mcp\n");

        Assert.Equal("tributary.yml:3:10: invalid YAML (While scanning a quoted scalar, found unexpected end of stream); check the indentation, quotes and brackets here", error);
    }

    [Fact]
    public void Parse_BadIndentation_ReportsYamlErrorPosition()
    {
        string error = Error("mcp_servers:\n  a:\n    url: http://localhost/mcp\n   transport: sse\n");

        Assert.Equal("tributary.yml:4:4: invalid YAML (While parsing a block mapping, did not find expected key); check the indentation, quotes and brackets here", error);
    }

    [Fact]
    public void Parse_UnclosedFlowList_ReportsYamlErrorInsteadOfCrashing()
    {
        string error = Error("mcp_servers:\n  a:\n    args: [-y, pkg\n    url: http://localhost/mcp\n");

        Assert.Equal("tributary.yml:3:14: invalid YAML (could not read the YAML after this point); check the indentation, quotes and brackets here", error);
    }

    [Fact]
    public void Parse_UnquotedLeadingStar_ReportsAliasAtItsPositionWithoutItsText()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    tools:\n      deny: [*_delete]\n");

        Assert.Equal("tributary.yml:5:14: invalid YAML (a value starting with '*' is read as an alias, and no '&' anchor defines this one; quote the value, e.g. \"*_delete\"); check the indentation, quotes and brackets here", error);
    }

    [Fact]
    public void Parse_AnchorsAndAliases_AreResolved()
    {
        var result = RegistryConfigLoader.Parse("mcp_servers:\n  a:\n    url: &u https://a.example.com/mcp\n    prefix: a1\n  b:\n    url: *u\n", File);

        Assert.Equal("https://a.example.com/mcp", result.Config!.Servers[1].Url);
    }

    [Fact]
    public void Parse_RootIsList_SaysTheFileMustBeAMapping()
    {
        string error = Error("- context7\n- sentry\n");

        Assert.Equal("tributary.yml:1:1: the file must be a mapping of top-level keys such as 'mcp_servers:', but it is a list", error);
    }

    [Fact]
    public void Parse_SeveralDocuments_SaysKeepOne()
    {
        string error = Error("mcp_servers: {}\n---\nmcp_servers: {}\n");

        Assert.Equal("tributary.yml:3:1: the file holds more than one YAML document; keep one (remove the '---' line and merge the rest)", error);
    }

    [Fact]
    public void Parse_ServersIsList_SaysWriteServersAsMapping()
    {
        string error = Error("mcp_servers:\n  - context7\n");

        Assert.Equal("tributary.yml:2:3: mcp_servers: must be a mapping from server name to its settings, but it is a list; write each server as 'name:' with its settings indented below it", error);
    }

    [Fact]
    public void Parse_ServerIsSingleValue_SaysIndentSettings()
    {
        string error = Error("mcp_servers:\n  context7: https://mcp.context7.com/mcp\n");

        Assert.Equal("tributary.yml:2:13: mcp_servers.context7: must be a mapping of settings such as 'url:' or 'command:', but it is a single value; indent the settings under the server name", error);
    }

    [Fact]
    public void Parse_ServerWithoutSettings_SaysWhatToAdd()
    {
        string error = Error("mcp_servers:\n  context7:\n  other:\n    url: http://localhost/mcp\n");

        Assert.Equal("tributary.yml:2:12: mcp_servers.context7: has no settings; add 'url: https://...' for an HTTP server, or 'transport: stdio' and 'command: ...' for a local one", error);
    }

    [Fact]
    public void Parse_MisspeltTopLevelKey_SuggestsClosest()
    {
        string error = Error("mcp_server:\n  a:\n    url: http://localhost/mcp\n", "gitlab");

        Assert.Equal("tributary.yml:1:1: mcp_server: unknown top-level key 'mcp_server'; did you mean 'mcp_servers'?", error);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_ListsValidKeys()
    {
        string error = Error("gitlab: { url: https://gitlab.example.com }\nservers: {}\n", "gitlab", "models");

        Assert.Equal("tributary.yml:2:1: servers: unknown top-level key 'servers'; valid top-level keys are: mcp_servers, gitlab, models", error);
    }

    [Fact]
    public void Parse_DuplicateServerName_ReportsSecondOccurrence()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: http://a/mcp\n  docs:\n    url: http://b/mcp\n");

        Assert.Equal("tributary.yml:4:3: mcp_servers.docs: is defined twice (first on line 2); rename one of them or remove one", error);
    }

    [Fact]
    public void Parse_DuplicateField_ReportsSecondOccurrence()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: http://a/mcp\n    url: http://b/mcp\n");

        Assert.Equal("tributary.yml:4:5: mcp_servers.docs.url: is given twice (first on line 3); keep one", error);
    }

    [Fact]
    public void Parse_DuplicateSection_SaysMerge()
    {
        string error = Error("mcp_servers:\n  a: { url: http://a/mcp }\nmcp_servers:\n  b: { url: http://b/mcp }\n");

        Assert.Equal("tributary.yml:3:1: mcp_servers: appears twice (first on line 1); merge the two into one", error);
    }

    [Fact]
    public void Parse_ManyErrors_ReportsAllInFileOrder()
    {
        string[] errors = Errors(
            """
            mcp_servers:
              files:
                transport: stdio
                url: http://localhost/mcp
              docs:
                urll: https://docs.example.com/mcp
                enabled: yes
              "bad name":
                url: https://x.example.com/mcp
                timeout: 0
            extra: 1
            """);

        Assert.Equal(
            [
                "tributary.yml:2:3: mcp_servers.files.command: is missing or empty; transport 'stdio' needs the program to run, e.g. 'command: npx' with 'args: [-y, \"@modelcontextprotocol/server-everything\"]'",
                "tributary.yml:4:5: mcp_servers.files.url: does not apply to transport 'stdio'; remove it, or set 'transport: streamable-http' (or 'sse') to connect over HTTP",
                "tributary.yml:5:3: mcp_servers.docs.url: is missing or empty; transport 'streamable-http' needs the server's endpoint, e.g. 'url: https://mcp.example.com/mcp' (for a local server set 'transport: stdio' and 'command:')",
                "tributary.yml:6:5: mcp_servers.docs.urll: unknown field 'urll'; did you mean 'url'?",
                "tributary.yml:7:14: mcp_servers.docs.enabled: must be true or false, but is 'yes'; write 'enabled: true' or 'enabled: false'",
                "tributary.yml:8:3: mcp_servers.bad name: the server name may contain only letters, digits, '_' and '-'; rename it, e.g. 'bad_name'",
                "tributary.yml:10:14: mcp_servers.bad name.timeout: must be greater than zero, but is '0'; write e.g. '30s'",
                "tributary.yml:11:1: extra: unknown top-level key 'extra'; valid top-level keys are: mcp_servers",
            ],
            errors);
    }
}
