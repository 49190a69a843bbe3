using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Tests.Configuration;

public sealed class EndpointResolverTests
{
    [Fact]
    public void Resolve_HttpWithVariables_ExpandsUrlAndHeaders()
    {
        var server = Http("sentry", "https://${SENTRY_HOST:-mcp.sentry.dev}/mcp") with
        {
            AuthType = McpAuthKind.Header,
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer ${SENTRY_TOKEN}", ["X-Org"] = "${ORG}" },
        };

        var resolution = Resolver(("SENTRY_TOKEN", "tok-123"), ("ORG", "acme")).Resolve(server);

        Assert.Null(resolution.Problem);
        Assert.True(resolution.IsConfigured);
        Assert.Equal(new Uri("https://mcp.sentry.dev/mcp"), resolution.Endpoint!.Url);
        Assert.Equal("Bearer tok-123", resolution.Endpoint.Headers["Authorization"]);
        Assert.Equal("acme", resolution.Endpoint.Headers["x-org"]);
    }

    [Fact]
    public void Resolve_DefaultAndSetButEmptyVariables_FollowShellRules()
    {
        var server = Stdio("files", "npx") with { Args = ["${EMPTY:-fallback}", "[${EMPTY}]", "${SET:-fallback}"] };

        var resolution = Resolver(("EMPTY", ""), ("SET", "value")).Resolve(server);

        Assert.Equal(["fallback", "[]", "value"], resolution.Endpoint!.Args);
    }

    [Fact]
    public void Resolve_VariablesAnywhere_EveryValueReadIsASecret()
    {
        var stdio = Stdio("files", "${TOOL}") with { Args = ["--token=${ARG_TOKEN}", "${EMPTY:-literal-default}"] };
        var http = Http("hooks", "https://hooks.example.com/T0123/${HOOK_PATH}") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "HOOK_TOKEN" };
        var resolver = Resolver(("TOOL", "/opt/tool"), ("ARG_TOKEN", "arg-secret"), ("EMPTY", ""), ("HOOK_PATH", "SECRETPART"), ("HOOK_TOKEN", "bearer-secret"));

        // A default is written in the file, so it is no secret; an empty variable holds nothing to hide.
        Assert.Equal(["/opt/tool", "arg-secret"], resolver.Resolve(stdio).Endpoint!.Secrets);
        Assert.Equal(["SECRETPART", "bearer-secret"], resolver.Resolve(http).Endpoint!.Secrets);
    }

    [Fact]
    public void Resolve_DoubleDollar_IsLiteralDollar()
    {
        var server = Stdio("files", "npx") with { Args = ["$$HOME", "$${NOT_A_VAR}", "price$5", "end$"] };

        var resolution = Resolver().Resolve(server);

        Assert.Equal(["$HOME", "${NOT_A_VAR}", "price$5", "end$"], resolution.Endpoint!.Args);
    }

    [Fact]
    public void Resolve_Bearer_AddsAuthorizationHeader()
    {
        var server = Http("context7", "https://mcp.context7.com/mcp") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "CONTEXT7_TOKEN" };

        var resolution = Resolver(("CONTEXT7_TOKEN", "ctx-secret")).Resolve(server);

        Assert.Equal("Bearer ctx-secret", Assert.Single(resolution.Endpoint!.Headers).Value);
        Assert.Equal("Authorization", Assert.Single(resolution.Endpoint.Headers).Key);
    }

    [Fact]
    public void Resolve_BearerTokenUnset_NamesVariableServerAndField()
    {
        var server = Http("context7", "https://mcp.context7.com/mcp") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "CONTEXT7_TOKEN" };

        var resolution = Resolver().Resolve(server);

        Assert.Null(resolution.Endpoint);
        Assert.False(resolution.IsConfigured);
        Assert.Equal("environment variable CONTEXT7_TOKEN is not set (server 'context7', field 'auth_token_env'); export it or set enabled: false", resolution.Problem);
    }

    [Fact]
    public void Resolve_BearerTokenEmpty_CountsAsMissing()
    {
        var server = Http("context7", "https://mcp.context7.com/mcp") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "CONTEXT7_TOKEN" };

        var resolution = Resolver(("CONTEXT7_TOKEN", "")).Resolve(server);

        Assert.Equal("environment variable CONTEXT7_TOKEN is empty (server 'context7', field 'auth_token_env'); export it or set enabled: false", resolution.Problem);
    }

    [Fact]
    public void Resolve_MissingVariableInHeader_NamesHeaderAndHidesOtherValues()
    {
        var server = Http("sentry", "https://mcp.sentry.dev/mcp") with
        {
            AuthType = McpAuthKind.Header,
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer ${SENTRY_TOKEN}${SENTRY_SUFFIX}" },
        };

        var resolution = Resolver(("SENTRY_TOKEN", "s3cr3t")).Resolve(server);

        Assert.Equal("environment variable SENTRY_SUFFIX is not set (server 'sentry', field 'headers.Authorization'); export it or set enabled: false", resolution.Problem);
    }

    [Fact]
    public void Resolve_SeveralMissingVariables_NamesTheFirst()
    {
        var server = Http("docs", "https://${DOCS_HOST}/mcp") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "DOCS_TOKEN" };

        var resolution = Resolver().Resolve(server);

        Assert.Equal("environment variable DOCS_HOST is not set (server 'docs', field 'url'); export it or set enabled: false", resolution.Problem);
    }

    [Fact]
    public void Resolve_UrlNotHttpAfterExpansion_SaysSoWithoutTheValue()
    {
        var server = Http("docs", "${DOCS_URL}");

        var resolution = Resolver(("DOCS_URL", "ftp://user:pw@files.example.com/mcp")).Resolve(server);

        Assert.Equal("the url is not an absolute http:// or https:// URL after expanding variables (server 'docs', field 'url'); check the url and the variables it uses", resolution.Problem);
    }

    [Fact]
    public void Resolve_InvalidSyntax_NamesServerAndField()
    {
        var server = Http("docs", "https://${HOST/mcp");

        var resolution = Resolver().Resolve(server);

        Assert.Equal("invalid variable reference (server 'docs', field 'url'): the '${' at character 9 has no closing '}'; write ${NAME} or ${NAME:-default}, or $$ for a literal $", resolution.Problem);
    }

    [Fact]
    public void Resolve_Stdio_ExpandsCommandArgsEnvAndCwd()
    {
        var server = Stdio("files", "${NPX:-npx}") with
        {
            Args = ["-y", "@modelcontextprotocol/server-filesystem", "${DOCS_DIR}"],
            Env = new Dictionary<string, string> { ["LOG_LEVEL"] = "${LEVEL:-warn}", ["HOME_COPY"] = "${HOME}" },
            Cwd = "${DOCS_DIR}/..",
        };

        var endpoint = Resolver(("DOCS_DIR", "/srv/docs"), ("HOME", "/home/me")).Resolve(server).Endpoint!;

        Assert.Equal("npx", endpoint.Command);
        Assert.Equal(["-y", "@modelcontextprotocol/server-filesystem", "/srv/docs"], endpoint.Args);
        Assert.Equal("warn", endpoint.Env["LOG_LEVEL"]);
        Assert.Equal("/home/me", endpoint.Env["HOME_COPY"]);
        Assert.Equal("/srv/docs/..", endpoint.Cwd);
        Assert.Null(endpoint.Url);
        Assert.Empty(endpoint.Headers);
    }

    [Fact]
    public void Resolve_StdioMissingVariableInArgs_NamesTheArgument()
    {
        var server = Stdio("files", "npx") with { Args = ["-y", "pkg", "${DOCS_DIR}"] };

        var resolution = Resolver().Resolve(server);

        Assert.Equal("environment variable DOCS_DIR is not set (server 'files', field 'args[2]'); export it or set enabled: false", resolution.Problem);
    }

    [Fact]
    public void Resolve_StdioMissingVariableInEnv_NamesTheVariableEntry()
    {
        var server = Stdio("files", "npx") with { Env = new Dictionary<string, string> { ["API_KEY"] = "${FILES_API_KEY}" } };

        var resolution = Resolver().Resolve(server);

        Assert.Equal("environment variable FILES_API_KEY is not set (server 'files', field 'env.API_KEY'); export it or set enabled: false", resolution.Problem);
    }

    [Fact]
    public void Resolve_NoneAuthWithNoVariables_NeedsNoEnvironment()
    {
        var resolution = Resolver().Resolve(Http("context7", "https://mcp.context7.com/mcp"));

        Assert.Equal(new Uri("https://mcp.context7.com/mcp"), resolution.Endpoint!.Url);
        Assert.Empty(resolution.Endpoint.Headers);
    }

    private static EndpointResolver Resolver(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return new EndpointResolver(name => map.GetValueOrDefault(name));
    }

    private static McpServerConfig Http(string name, string url) => new() { Name = name, Prefix = name, Url = url };

    private static McpServerConfig Stdio(string name, string command) =>
        new() { Name = name, Prefix = name, Transport = McpTransportKind.Stdio, Command = command };
}
