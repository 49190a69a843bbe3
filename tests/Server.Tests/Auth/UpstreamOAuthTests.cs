using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Auth;

/// <summary>
/// An upstream behind a real in-test authorization server (<see cref="OAuthUpstream"/>): <c>tributary auth login</c>
/// through the loopback callback (the URL followed by follow-url.mjs, where a person would use a browser), the stored token
/// used by later runs, refreshed when the server stops taking it, and <c>needs login</c> on <c>/health</c> once revoked.
/// </summary>
public sealed class UpstreamOAuthTests : IAsyncLifetime
{
    private static readonly string FollowUrl = $"{NodeTools.Node22} {Path.Combine(NodeTools.NpmRoot, "scripts", "follow-url.mjs")}";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("tributary-oauth-");
    private OAuthUpstream? _upstream;
    private TempRegistry? _registry;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private OAuthUpstream Upstream => _upstream!;

    private Dictionary<string, string> Variables => new() { ["TRIBUTARY_DATA_DIR"] = _data.FullName };

    private string ServersYaml => $"  secure:\n    url: {Upstream.SecureUrl}\n    auth_type: oauth\n  open:\n    url: {Upstream.OpenUrl}\n";

    public async ValueTask InitializeAsync()
    {
        _upstream = await OAuthUpstream.StartAsync(TestContext.Current.TestOutputHelper, Token);
        _registry = TempRegistry.Write($"mcp_servers:\n{ServersYaml}");
    }

    public async ValueTask DisposeAsync()
    {
        _registry?.Dispose();
        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task AuthStatus_BeforeLogin_NeedsLoginAndToolsCallSaysHowToLogIn()
    {
        var status = await RunAsync(["auth", "status"]);
        var call = await RunAsync(["tools", "call", "secure__whoami"]);

        Assert.Equal(["secure  needs login"], status.OutputLines);
        Assert.Equal(1, call.ExitCode);
        Assert.Equal("error: no tool named 'secure__whoami' is available: server 'secure' is not configured: needs login: run `tributary auth login secure`", call.ErrorLines[^1]);
        Assert.Equal((0, 0), await Upstream.StatsAsync(Token));
    }

    [Fact]
    public async Task AuthLogin_ThroughTheCallback_LaterRunsCallWithTheStoredEncryptedToken()
    {
        var login = await RunAsync(["auth", "login", "secure", "--open-with", FollowUrl]);
        var call = await RunAsync(["tools", "call", "secure__whoami"]);
        var again = await RunAsync(["tools", "call", "secure__whoami"]);

        Assert.Equal(0, login.ExitCode);
        Assert.Matches(@"^secure: authorized \(expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); 1 tool$", Assert.Single(login.OutputLines));
        Assert.Contains(login.ErrorLines, line => line.StartsWith($"  {Upstream.BaseAddress}authorize?", StringComparison.Ordinal));
        Assert.Equal(["authorized as demo_user"], call.OutputLines);
        Assert.Equal(["authorized as demo_user"], again.OutputLines);
        Assert.Equal((1, 0), await Upstream.StatsAsync(Token));

        // Encrypted at rest, and never printed.
        var tokens = await Upstream.TokensAsync(Token);
        Assert.NotEmpty(tokens);
        string stored = await File.ReadAllTextAsync(Path.Combine(_data.FullName, "tokens", "secure.token"), Token);
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(token, login.Output + login.Error + call.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AccessToken", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsCall_TokenNoLongerAccepted_RefreshesItAndAnswers()
    {
        Assert.Equal(0, (await RunAsync(["auth", "login", "secure", "--open-with", FollowUrl])).ExitCode);
        await Upstream.ExpireAccessTokensAsync(Token);

        var call = await RunAsync(["tools", "call", "secure__whoami"]);
        var status = await RunAsync(["auth", "status"]);

        Assert.Equal(["authorized as demo_user"], call.OutputLines);
        Assert.Equal((1, 1), await Upstream.StatsAsync(Token));
        Assert.Matches(@"^secure  authorized \(expires .* UTC\)$", Assert.Single(status.OutputLines));
    }

    [Fact]
    public async Task Health_TokensRevoked_NeedsLoginWhileTheOtherServerServes()
    {
        Assert.Equal(0, (await RunAsync(["auth", "login", "secure", "--open-with", FollowUrl])).ExitCode);
        var issued = await Upstream.TokensAsync(Token);
        await Upstream.RevokeAllAsync(Token);
        await using var host = await RunningHost.StartAsync(
            ServersYaml,
            options => options with { ReadVariable = name => name == "TRIBUTARY_DATA_DIR" ? _data.FullName : null },
            Token);

        using var response = await host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        string text = await response.Content.ReadAsStringAsync(Token);
        using var body = JsonDocument.Parse(text);
        var servers = body.RootElement.GetProperty("servers");
        var secure = servers.GetProperty("secure");
        var open = servers.GetProperty("open");
        var status = await RunAsync(["auth", "status"]);

        Assert.Equal("not_configured", secure.GetProperty("state").GetString());
        Assert.Equal("needs login", secure.GetProperty("auth").GetString());
        Assert.Equal("needs login: the server refused the stored token; run `tributary auth login secure`", secure.GetProperty("lastError").GetString());
        Assert.Equal("connected", open.GetProperty("state").GetString());
        Assert.Equal(1, open.GetProperty("toolCount").GetInt32());
        Assert.False(open.TryGetProperty("auth", out _));
        Assert.Equal(["secure  needs login"], status.OutputLines);
        Assert.All(issued, token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_LoginWhileRunning_ServesTheServersToolsWithoutARestart()
    {
        await using var host = await RunningHost.StartAsync(
            ServersYaml,
            options => options with { ReadVariable = name => name == "TRIBUTARY_DATA_DIR" ? _data.FullName : null },
            Token);
        await using var client = await host.ConnectClientAsync(Token);
        var before = await client.ListToolsAsync(cancellationToken: Token);

        Assert.Equal(0, (await RunAsync(["auth", "login", "secure", "--open-with", FollowUrl])).ExitCode);
        var after = await client.ListToolsAsync(cancellationToken: Token);
        var call = await client.CallToolAsync("secure__whoami", cancellationToken: Token);

        // The built-in GitLab tools are there too; only the upstreams' are of interest.
        Assert.Equal(["open__ping_open"], Upstreams(before));
        Assert.Equal(["open__ping_open", "secure__whoami"], Upstreams(after));
        Assert.Equal("authorized as demo_user", Assert.IsType<TextContentBlock>(Assert.Single(call.Content)).Text);
    }

    [Theory]
    [InlineData("m2m-secret", "connected", "client credentials (no login)", null)]
    [InlineData("wrong-secret", "not_configured", "client credentials refused", "the authorization server refused the client credentials (401: invalid_client); check client_id and client_secret_env (or client_key_env)")]
    public async Task Health_ClientCredentials_ConnectsWithoutLoginOrSaysWhyNot(string secret, string state, string auth, string? error)
    {
        await using var host = await RunningHost.StartAsync(
            $"  machine:\n    url: {Upstream.SecureUrl}\n    auth_type: oauth\n    grant: client_credentials\n    client_id: m2m\n    client_secret_env: M2M_SECRET\n",
            options => options with { ReadVariable = name => name switch { "TRIBUTARY_DATA_DIR" => _data.FullName, "M2M_SECRET" => secret, _ => null } },
            Token);

        using var response = await host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        string text = await response.Content.ReadAsStringAsync(Token);
        using var body = JsonDocument.Parse(text);
        var machine = body.RootElement.GetProperty("servers").GetProperty("machine");

        Assert.Equal(state, machine.GetProperty("state").GetString());
        Assert.Equal(auth, machine.GetProperty("auth").GetString());
        Assert.Equal(error, machine.GetProperty("lastError").GetString());
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.All(await Upstream.TokensAsync(Token), token => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
        Assert.Empty(_data.GetFileSystemInfos());
    }

    [Fact]
    public async Task AuthLogout_AfterLogin_ForgetsTheTokens()
    {
        Assert.Equal(0, (await RunAsync(["auth", "login", "secure", "--open-with", FollowUrl])).ExitCode);

        var logout = await RunAsync(["auth", "logout", "secure"]);
        var status = await RunAsync(["auth", "status"]);
        var again = await RunAsync(["auth", "logout", "secure"]);

        Assert.Equal(["secure: forgot the stored tokens; it needs login"], logout.OutputLines);
        Assert.Equal(["secure  needs login"], status.OutputLines);
        Assert.Equal(["secure: no tokens were stored"], again.OutputLines);
    }

    [Fact]
    public async Task AuthLogin_ServerWithoutOAuth_SaysSoWithTheFix()
    {
        var wrongName = await RunAsync(["auth", "login", "secur"]);
        var notOAuth = await RunAsync(["auth", "login", "open"]);

        Assert.Equal(1, wrongName.ExitCode);
        Assert.Equal([$"error: the registry ({_registry!.Path}) has no server named 'secur'; did you mean 'secure'?"], wrongName.ErrorLines);
        Assert.Equal(["error: server 'open' does not use OAuth (auth_type is 'none'); set 'auth_type: oauth' to log in to it"], notOAuth.ErrorLines);
    }

    private static IEnumerable<string> Upstreams(IEnumerable<McpClientTool> tools) =>
        tools.Select(t => t.Name).Where(n => !n.StartsWith("gitlab__", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private Task<CliResult> RunAsync(string[] args) =>
        CliRunner.RunAsync([.. args, "--config", _registry!.Path], Variables, error: null, Token);
}
