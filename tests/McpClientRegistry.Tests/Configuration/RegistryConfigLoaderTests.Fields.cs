using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed partial class RegistryConfigLoaderTests
{
    [Fact]
    public void Parse_MisspeltField_SuggestsClosest()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    auth_tokn_env: DOCS_TOKEN\n");

        Assert.Equal("tributary.yml:4:5: mcp_servers.docs.auth_tokn_env: unknown field 'auth_tokn_env'; did you mean 'auth_token_env'?", error);
    }

    [Fact]
    public void Parse_UnknownFieldFarFromAny_ListsValidFields()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    retries: 3\n");

        Assert.Equal("tributary.yml:4:5: mcp_servers.docs.retries: unknown field 'retries'; valid fields are: url, transport, command, args, env, cwd, auth_type, auth_token_env, headers, grant, client_id, client_secret_env, client_key_env, client_metadata_url, scopes, redirect_uri, enabled, description, prefix, tools, timeout, connect_timeout, max_message_size", error);
    }

    [Fact]
    public void Parse_UnknownTransport_ListsValidOnesWithAlias()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    transport: http\n");

        Assert.Equal("tributary.yml:4:16: mcp_servers.docs.transport: unknown transport 'http'; use one of: streamable-http (the default; alias streamable_http), sse, stdio", error);
    }

    [Fact]
    public void Parse_UnknownAuthType_ListsValidOnes()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    auth_type: basic\n");

        Assert.Equal("tributary.yml:4:16: mcp_servers.docs.auth_type: unknown auth_type 'basic'; use one of: bearer, header, oauth, none (the default)", error);
    }

    [Fact]
    public void Parse_TextFieldGivenMapping_SaysSingleTextValue()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    description: {lookups: docs}\n");

        Assert.Equal("tributary.yml:4:18: mcp_servers.docs.description: must be a single text value, but it is a mapping; quote it if it contains ': ' or starts with '[', '{' or '*'", error);
    }

    [Fact]
    public void Parse_EnabledNotBoolean_SaysTrueOrFalse()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    enabled: [no]\n");

        Assert.Equal("tributary.yml:4:14: mcp_servers.docs.enabled: must be true or false, but it is a list; write 'enabled: true' or 'enabled: false'", error);
    }

    [Fact]
    public void Parse_ArgsNotList_SaysOneItemPerArgument()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    command: npx\n    args: -y @modelcontextprotocol/server-filesystem\n");

        Assert.Equal("tributary.yml:5:11: mcp_servers.files.args: must be a list of strings, but it is a single value; write one item per argument, e.g. 'args: [-y, \"@modelcontextprotocol/server-everything\"]'", error);
    }

    [Fact]
    public void Parse_ArgsItemIsMapping_SaysQuoteIt()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    command: npx\n    args: [-y, pkg, {root: /srv}]\n");

        Assert.Equal("tributary.yml:5:21: mcp_servers.files.args[2]: must be a single text value, but it is a mapping; quote it if it contains ': ' or starts with '[', '{' or '*'", error);
    }

    [Fact]
    public void Parse_EnvNotMapping_ShowsMappingExample()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    command: npx\n    env: [LOG_LEVEL=warn]\n");

        Assert.Equal("tributary.yml:5:10: mcp_servers.files.env: must be a mapping of variable name to value, e.g. 'env: { LOG_LEVEL: warn }', but it is a list", error);
    }

    [Fact]
    public void Parse_EnvValueNotScalar_NamesTheVariable()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    command: npx\n    env:\n      PATHS: [/a, /b]\n");

        Assert.Equal("tributary.yml:6:14: mcp_servers.files.env.PATHS: must be a single text value, but it is a list; quote it if it contains ': ' or starts with '[', '{' or '*'", error);
    }

    [Fact]
    public void Parse_HeaderValueNotScalar_NamesTheHeaderOnly()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    auth_type: header\n    headers:\n      X-Api-Key: { secret: s3cr3t-value }\n");

        Assert.Equal("tributary.yml:6:18: mcp_servers.docs.headers.X-Api-Key: must be a single text value, but it is a mapping; quote it if it contains ': ' or starts with '[', '{' or '*'", error);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidHeaderName_SaysWhatIsAllowed()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    auth_type: header\n    headers:\n      \"X Api Key\": abc\n");

        Assert.Equal("tributary.yml:6:7: mcp_servers.docs.headers.X Api Key: is not a valid HTTP header name; use letters, digits and '-', e.g. 'X-Api-Key'", error);
    }

    [Fact]
    public void Parse_DurationNotUnderstood_ShowsUnits()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    timeout: 5 minutes\n");

        Assert.Equal("tributary.yml:4:14: mcp_servers.docs.timeout: '5 minutes' is not a duration; write a number of seconds (30) or a number with a unit: 500ms, 30s, 2m, 1h", error);
    }

    [Fact]
    public void Parse_NegativeDuration_SaysGreaterThanZero()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    connect_timeout: -5s\n");

        Assert.Equal("tributary.yml:4:22: mcp_servers.docs.connect_timeout: must be greater than zero, but is '-5s'; write e.g. '30s'", error);
    }

    [Fact]
    public void Parse_HugeDuration_SaysMaximum()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    timeout: 48h\n");

        Assert.Equal("tributary.yml:4:14: mcp_servers.docs.timeout: '48h' is longer than the maximum of 24h; write e.g. '5m'", error);
    }

    [Theory]
    [InlineData("16 MB", "tributary.yml:4:23: mcp_servers.docs.max_message_size: '16 MB' is not a size; write a number of bytes (1048576) or a whole number with a unit: 512KiB, 16MiB, 1GiB")]
    [InlineData("100", "tributary.yml:4:23: mcp_servers.docs.max_message_size: must be at least 1 KiB, but is '100'; write e.g. '16MiB'")]
    [InlineData("2GiB", "tributary.yml:4:23: mcp_servers.docs.max_message_size: '2GiB' is more than the maximum of 1 GiB; write e.g. '16MiB'")]
    [InlineData("[1]", "tributary.yml:4:23: mcp_servers.docs.max_message_size: must be a size such as '16MiB', but it is a list; write a number of bytes (1048576) or a whole number with a unit: 512KiB, 16MiB, 1GiB")]
    public void Parse_BadMaxMessageSize_SaysHowToWriteASize(string value, string expected)
    {
        string error = Error($"mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    max_message_size: {value}\n");

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(null, 16L * 1024 * 1024)]
    [InlineData("65536", 65536L)]
    [InlineData("512KiB", 512L * 1024)]
    [InlineData("64MiB", 64L * 1024 * 1024)]
    [InlineData("1GiB", 1024L * 1024 * 1024)]
    public void Parse_MaxMessageSize_BytesOrBinaryUnitsAndSixteenMiBByDefault(string? value, long expected)
    {
        string field = value is null ? string.Empty : $"    max_message_size: {value}\n";
        var registry = RegistryConfigLoader.Parse($"mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n{field}", File);

        Assert.Empty(registry.Errors);
        Assert.Equal(expected, Assert.Single(registry.Config!.Servers).MaxMessageSize);
    }

    [Fact]
    public void Parse_PrefixWithInvalidCharacters_SuggestsSanitized()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    prefix: my.docs\n");

        Assert.Equal("tributary.yml:4:13: mcp_servers.docs.prefix: 'my.docs' may contain only letters, digits, '_' and '-'; write e.g. 'my_docs', or \"\" for no prefix", error);
    }

    [Fact]
    public void Parse_PrefixTooLong_SaysMaximum()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    prefix: documentation_lookups_for_the_team\n");

        Assert.Equal("tributary.yml:4:13: mcp_servers.docs.prefix: 'documentation_lookups_for_the_team' is 34 characters long; use at most 32", error);
    }

    [Fact]
    public void Parse_NullPrefix_SaysHowToWriteNoPrefix()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    prefix:\n");

        Assert.Equal("tributary.yml:4:12: mcp_servers.docs.prefix: is empty; write 'prefix: \"\"' for no prefix, or remove the line to use the server name", error);
    }

    [Fact]
    public void Parse_ServerNameWithInvalidCharacters_SuggestsRename()
    {
        string error = Error("mcp_servers:\n  my.docs:\n    url: https://docs.example.com/mcp\n");

        Assert.Equal("tributary.yml:2:3: mcp_servers.my.docs: the server name may contain only letters, digits, '_' and '-'; rename it, e.g. 'my_docs'", error);
    }

    [Fact]
    public void Parse_ServerNameTooLong_SaysMaximum()
    {
        string error = Error("mcp_servers:\n  documentation-lookups-for-the-team:\n    url: https://docs.example.com/mcp\n    prefix: docs\n");

        Assert.Equal("tributary.yml:2:3: mcp_servers.documentation-lookups-for-the-team: the server name is 34 characters long; shorten it to at most 32, since it prefixes tool names (at most 64 characters)", error);
    }

    [Fact]
    public void Parse_DuplicatePrefixFromName_NamesBothServers()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://a.example.com/mcp\n  other:\n    url: https://b.example.com/mcp\n    prefix: docs\n");

        Assert.Equal("tributary.yml:6:13: mcp_servers.other.prefix: 'docs' is also the prefix of server 'docs' (line 2), so their tool names would collide; set a different 'prefix:' on one of them", error);
    }

    [Fact]
    public void Parse_DuplicatePrefixDefaultedFromName_SaysWhereItComesFrom()
    {
        string error = Error("mcp_servers:\n  first:\n    url: https://a.example.com/mcp\n    prefix: docs\n  docs:\n    url: https://b.example.com/mcp\n");

        Assert.Equal("tributary.yml:5:3: mcp_servers.docs.prefix: 'docs' (from the server name) is also the prefix of server 'first' (line 2), so their tool names would collide; set a different 'prefix:' on one of them", error);
    }

    [Fact]
    public void Parse_TwoServersWithoutPrefix_IsValid()
    {
        var result = Errors("mcp_servers:\n  a:\n    url: https://a.example.com/mcp\n    prefix: \"\"\n  b:\n    url: https://b.example.com/mcp\n    prefix: ''\n");

        Assert.Empty(result);
    }

    [Fact]
    public void Parse_ToolsUnknownKey_SuggestsAllow()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    tools:\n      alow: [search]\n");

        Assert.Equal("tributary.yml:5:7: mcp_servers.docs.tools.alow: unknown field 'alow'; did you mean 'allow'?", error);
    }

    [Fact]
    public void Parse_ToolsKeyFarFromAny_SaysOnlyAllowAndDeny()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    tools:\n      include: [search]\n");

        Assert.Equal("tributary.yml:5:7: mcp_servers.docs.tools.include: unknown field 'include'; valid fields are: allow, deny", error);
    }

    [Fact]
    public void Parse_ToolsAllowNotList_ShowsListExample()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    tools:\n      allow: search\n");

        Assert.Equal("tributary.yml:5:14: mcp_servers.docs.tools.allow: must be a list of tool names or '*' globs, e.g. '[search, \"get_*\"]', but it is a single value", error);
    }

    [Fact]
    public void Parse_ToolsDenyItemNotString_NamesTheItem()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    tools:\n      deny: [delete_page, [move_page]]\n");

        Assert.Equal("tributary.yml:5:27: mcp_servers.docs.tools.deny[1]: must be a tool name or glob, but it is a list", error);
    }

    [Fact]
    public void Parse_EmptyGlob_SaysGiveNameOrRemove()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    tools:\n      deny: [\"delete_*\", \"\"]\n");

        Assert.Equal("tributary.yml:5:26: mcp_servers.docs.tools.deny[1]: is empty; give a tool name or a glob such as 'get_*', or remove the item", error);
    }
}
