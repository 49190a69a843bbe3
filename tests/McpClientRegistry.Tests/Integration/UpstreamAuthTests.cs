using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;
using Tributary.TestSupport.InProcess;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>Bearer and header authentication against a real HTTP MCP server that enforces them.</summary>
public sealed class UpstreamAuthTests(ITestOutputHelper output)
{
    private const string WrongToken = "wr0ng-t0ken-value";

    private static readonly Dictionary<string, object?> s_hi = new() { ["message"] = "hi" };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallTool_BearerTokenFromVariable_Authenticates()
    {
        await using var server = await StartSecuredAsync(new RequiredHeader("Authorization", "Bearer s3cret"));
        var logs = new CapturedLogs();
        await using var registry = LiveRegistry.Create(BearerYaml(server), output, new Dictionary<string, string> { ["TEST_TOKEN"] = "s3cret" }, logs);

        var text = await registry.CallTextAsync("secured__echo", s_hi, Token);

        Assert.Equal("secured:echo:{\"message\":\"hi\"}", text);
        Assert.Equal(ServerState.Connected, registry.Health("secured").State);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_WrongBearerToken_FailsWith401AndNeverShowsTheToken()
    {
        await using var server = await StartSecuredAsync(new RequiredHeader("Authorization", "Bearer s3cret"));
        var logs = new CapturedLogs();
        await using var registry = LiveRegistry.Create(BearerYaml(server), output, new Dictionary<string, string> { ["TEST_TOKEN"] = WrongToken }, logs);

        var error = await Assert.ThrowsAsync<UpstreamException>(() => registry.CallTextAsync("secured__echo", s_hi, Token));

        const string Reason = "HTTP 401 Unauthorized: the server refused the credentials; check auth_type, auth_token_env or headers";
        var health = registry.Health("secured");
        Assert.Equal(ServerState.Failed, health.State);
        Assert.Equal(Reason, health.LastError);
        Assert.Equal($"no tool named 'secured__echo' is available: server 'secured' failed: {Reason}", error.Message);
        Assert.DoesNotContain(WrongToken, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, error.ToString(), StringComparison.Ordinal);
        Assert.True(server.RequestCount > 0);
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Contains(WrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_TokenVariableUnset_NotConfiguredAndServerNeverContacted()
    {
        await using var server = await StartSecuredAsync(new RequiredHeader("Authorization", "Bearer s3cret"));
        await using var registry = LiveRegistry.Create(BearerYaml(server), output, variables: new Dictionary<string, string>());
        const string Problem = "environment variable TEST_TOKEN is not set (server 'secured', field 'auth_token_env'); export it or set enabled: false";

        var before = registry.Health("secured");
        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => registry.CallTextAsync("secured__echo", s_hi, Token));

        Assert.Equal(ServerState.NotConfigured, before.State);
        Assert.Equal(Problem, before.LastError);
        Assert.Empty(snapshot.Tools);
        Assert.Equal(UpstreamFailureKind.NotConfigured, error.Kind);
        Assert.Equal($"no tool named 'secured__echo' is available: server 'secured' is not configured: {Problem}", error.Message);
        Assert.Equal(ServerState.NotConfigured, registry.Health("secured").State);
        Assert.Equal(Problem, registry.Health("secured").LastError);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Invoke_TokenVariableUnset_FailsNotConfiguredWithExactMessage()
    {
        await using var server = await StartSecuredAsync(new RequiredHeader("Authorization", "Bearer s3cret"));
        await using var registry = LiveRegistry.Create(BearerYaml(server), output, variables: new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<UpstreamException>(
            () => registry.Manager.InvokeAsync("secured", "ping", null, async (client, token) => await client.PingAsync(cancellationToken: token), Token));

        Assert.Equal(UpstreamFailureKind.NotConfigured, error.Kind);
        Assert.Equal("environment variable TEST_TOKEN is not set (server 'secured', field 'auth_token_env'); export it or set enabled: false", error.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task CallTool_HeaderAuthFromVariable_Authenticates()
    {
        await using var server = await StartSecuredAsync(new RequiredHeader("X-Api-Key", "k3y-value"));
        var yaml = $$"""
            mcp_servers:
              secured:
                url: {{server.Url}}
                auth_type: header
                headers: { X-Api-Key: "${API_KEY}" }
            """;
        await using var registry = LiveRegistry.Create(yaml, output, new Dictionary<string, string> { ["API_KEY"] = "k3y-value" });

        var text = await registry.CallTextAsync("secured__echo", s_hi, Token);

        Assert.Equal("secured:echo:{\"message\":\"hi\"}", text);
        Assert.Equal(ServerState.Connected, registry.Health("secured").State);
    }

    private static string BearerYaml(TestMcpServer server) => $"""
        mcp_servers:
          secured:
            url: {server.Url}
            auth_type: bearer
            auth_token_env: TEST_TOKEN
        """;

    private Task<TestMcpServer> StartSecuredAsync(RequiredHeader header) =>
        TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "secured", Tools = ["echo"], RequiredHeader = header, Output = output }, Token);
}
