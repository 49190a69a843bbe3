namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed partial class RegistryConfigLoaderTests
{
    [Fact]
    public void Parse_StdioWithoutCommand_SaysAddCommand()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    args: [-y, pkg]\n");

        Assert.Equal("tributary.yml:2:3: mcp_servers.files.command: is missing or empty; transport 'stdio' needs the program to run, e.g. 'command: npx' with 'args: [-y, \"@modelcontextprotocol/server-everything\"]'", error);
    }

    [Fact]
    public void Parse_SseWithoutUrl_SaysAddUrl()
    {
        string error = Error("mcp_servers:\n  legacy:\n    transport: sse\n    description: Old server\n");

        Assert.Equal("tributary.yml:2:3: mcp_servers.legacy.url: is missing or empty; transport 'sse' needs the server's endpoint, e.g. 'url: https://mcp.example.com/mcp' (for a local server set 'transport: stdio' and 'command:')", error);
    }

    [Fact]
    public void Parse_RelativeUrl_SaysAbsoluteWithoutQuotingIt()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: /mcp?key=s3cr3t\n");

        Assert.Equal("tributary.yml:3:10: mcp_servers.docs.url: is not an absolute http:// or https:// URL; write the full endpoint, e.g. 'https://mcp.example.com/mcp'", error);
    }

    [Fact]
    public void Parse_UrlWithVariable_SkipsUrlCheckUntilExpansion()
    {
        Assert.Empty(Errors("mcp_servers:\n  docs:\n    url: ${DOCS_URL}\n  local:\n    url: http://${HOST:-localhost}:3001/mcp\n"));
    }

    [Fact]
    public void Parse_UrlWithUnterminatedVariable_SaysCloseIt()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://${HOST/mcp\n");

        Assert.Equal("tributary.yml:3:10: mcp_servers.docs.url: the '${' at character 9 has no closing '}'; write ${NAME} or ${NAME:-default}, or $$ for a literal $", error);
    }

    [Fact]
    public void Parse_HeaderWithUnterminatedVariable_DoesNotQuoteTheValue()
    {
        string error = Error("mcp_servers:\n  sentry:\n    url: https://mcp.sentry.dev/mcp\n    auth_type: header\n    headers:\n      Authorization: Bearer ${SENTRY_TOKEN\n");

        Assert.Equal("tributary.yml:6:22: mcp_servers.sentry.headers.Authorization: the '${' at character 8 has no closing '}'; write ${NAME} or ${NAME:-default}, or $$ for a literal $", error);
    }

    [Fact]
    public void Parse_ArgWithInvalidVariableName_NamesTheArgument()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    command: npx\n    args: [-y, pkg, \"${docs-dir}\"]\n");

        Assert.Equal("tributary.yml:5:21: mcp_servers.files.args[2]: the '${...}' at character 1 does not hold a valid variable name (letters, digits and _, not starting with a digit); write ${NAME} or ${NAME:-default}, or $$ for a literal $", error);
    }

    [Fact]
    public void Parse_EnvAndCommandWithBadVariables_ReportsEach()
    {
        string[] errors = Errors("mcp_servers:\n  files:\n    transport: stdio\n    command: ${1TOOL}\n    env:\n      ROOT: ${ROOT\n");

        Assert.Equal(
            [
                "tributary.yml:4:14: mcp_servers.files.command: the '${...}' at character 1 does not hold a valid variable name (letters, digits and _, not starting with a digit); write ${NAME} or ${NAME:-default}, or $$ for a literal $",
                "tributary.yml:6:13: mcp_servers.files.env.ROOT: the '${' at character 1 has no closing '}'; write ${NAME} or ${NAME:-default}, or $$ for a literal $",
            ],
            errors);
    }

    [Fact]
    public void Parse_CommandOnHttpServer_SaysRemoveOrUseStdio()
    {
        string error = Error("mcp_servers:\n  docs:\n    url: https://docs.example.com/mcp\n    command: npx\n");

        Assert.Equal("tributary.yml:4:5: mcp_servers.docs.command: does not apply to transport 'streamable-http'; remove it, or set 'transport: stdio' to run a local server", error);
    }

    [Fact]
    public void Parse_HeadersOnStdioServer_SaysRemoveOrUseHttp()
    {
        string error = Error("mcp_servers:\n  files:\n    transport: stdio\n    command: npx\n    auth_type: none\n    headers: { X-Api-Key: abc }\n");

        Assert.Equal("tributary.yml:6:5: mcp_servers.files.headers: does not apply to transport 'stdio'; remove it, or set 'transport: streamable-http' (or 'sse') to connect over HTTP", error);
    }

    [Fact]
    public void Parse_BearerWithoutTokenVariable_ShowsExample()
    {
        string error = Error("mcp_servers:\n  context7:\n    url: https://mcp.context7.com/mcp\n    auth_type: bearer\n");

        Assert.Equal("tributary.yml:4:16: mcp_servers.context7.auth_token_env: is missing or empty; auth_type 'bearer' needs the name of the environment variable that holds the token, e.g. 'auth_token_env: CONTEXT7_TOKEN'", error);
    }

    [Fact]
    public void Parse_TokenPastedIntoTokenVariable_DoesNotQuoteIt()
    {
        string error = Error("mcp_servers:\n  context7:\n    url: https://mcp.context7.com/mcp\n    auth_type: bearer\n    auth_token_env: ctx7-s3cr3t-token\n");

        Assert.Equal("tributary.yml:5:21: mcp_servers.context7.auth_token_env: is not a valid environment variable name; give the NAME of the variable that holds the token (letters, digits and _, not starting with a digit), not the token itself", error);
    }

    [Fact]
    public void Parse_HeaderAuthWithoutHeaders_ShowsExample()
    {
        string error = Error("mcp_servers:\n  sentry:\n    url: https://mcp.sentry.dev/mcp\n    auth_type: header\n");

        Assert.Equal("tributary.yml:4:16: mcp_servers.sentry.headers: is missing or empty; auth_type 'header' sends the 'headers' map, e.g. 'headers: { Authorization: \"Bearer ${TOKEN}\" }'", error);
    }

    [Fact]
    public void Parse_TokenVariableWithoutAuthType_SaysSetBearer()
    {
        string error = Error("mcp_servers:\n  context7:\n    url: https://mcp.context7.com/mcp\n    auth_token_env: CONTEXT7_TOKEN\n");

        Assert.Equal("tributary.yml:4:5: mcp_servers.context7.auth_token_env: applies only to auth_type 'bearer', but auth_type is 'none'; set 'auth_type: bearer' or remove it", error);
    }

    [Fact]
    public void Parse_HeadersWithoutAuthType_SaysSetHeader()
    {
        string error = Error("mcp_servers:\n  sentry:\n    url: https://mcp.sentry.dev/mcp\n    headers:\n      Authorization: Bearer ${SENTRY_TOKEN}\n");

        Assert.Equal("tributary.yml:4:5: mcp_servers.sentry.headers: are sent only with auth_type 'header', but auth_type is 'none'; set 'auth_type: header' or remove them", error);
    }
}
