using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Security.OAuth;

public sealed class McpOAuthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string DeadUpstream => HealthEndpointTests.HttpServer("up", HealthEndpointTests.DeadUrl(9));

    [Fact]
    public async Task Mcp_TokenFromTheIssuer_ClientListsAndCallsTools()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        var logs = new ScopedLogCollector();
        await using var host = await OAuthHost.StartAsync(issuer, TempRegistry.EverythingStdio(), logs, Token);
        string token = issuer.Mint("alice");

        await using var client = await OAuthHost.ConnectAsync(host, token, Token);
        var tools = await client.ListToolsAsync(cancellationToken: Token);
        var result = await client.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "hello" }, cancellationToken: Token);

        Assert.Contains(tools, t => t.Name == "everything__echo");
        Assert.Equal("Echo: hello", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.DoesNotContain(logs.Entries, e => Mentions(e, token));
    }

    [Fact]
    public async Task ToolCall_CallersSubjectIsOnItsLogLinesAndSpans()
    {
        var started = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var issuer = await TestIssuer.StartAsync(Token);
        var logs = new ScopedLogCollector();
        await using var host = await OAuthHost.StartAsync(issuer, TempRegistry.EverythingStdio(), logs, Token);
        string subject = $"alice-{Guid.NewGuid():N}";

        await using var client = await OAuthHost.ConnectAsync(host, issuer.Mint(subject), Token);
        await client.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "traced" }, cancellationToken: Token);

        var routed = logs.Entries.Where(e => e.Message.StartsWith("Catalog routes tool everything__echo", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(routed);
        Assert.All(routed, e => Assert.Contains($"Caller: {subject}", e.Scopes));
        var tagged = started.Where(a => Equals(a.GetTagItem("enduser.id"), subject)).ToList();
        Assert.Contains(tagged, a => a.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(tagged, a => a.Kind == ActivityKind.Server && a.DisplayName.StartsWith("tools/call everything__echo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mcp_NoToken_401WhoseChallengePointsAtTheMetadata()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        using var request = OAuthHost.Initialize(token: null);
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"Bearer resource_metadata=\"{host.BaseAddress}.well-known/oauth-protected-resource/mcp\", scope=\"tributary.read\"",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(
            """{"error":"unauthorized","message":"this server needs an OAuth access token; send \u0027Authorization: Bearer \u003Caccess token\u003E\u0027 with a token from the issuer named in the protected-resource metadata (see the resource_metadata URL in the WWW-Authenticate header)"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", "the access token has expired" },
        { "another audience", "the access token is not for this resource (audience)" },
        { "another key", "the access token\u0027s signature does not verify with the issuer\u0027s keys" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Mcp_BadToken_401InvalidTokenSayingWhyWithoutEchoingIt(string kind, string why)
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        var logs = new ScopedLogCollector();
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, logs, Token);
        string token = kind switch
        {
            "expired" => issuer.MintExpired("alice"),
            "another audience" => issuer.MintFor("alice", "api://someone-else"),
            _ => issuer.MintWithAnotherKey("alice"),
        };

        using var request = OAuthHost.Initialize(token);
        using var response = await host.Http.SendAsync(request, Token);
        string body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"Bearer resource_metadata=\"{host.BaseAddress}.well-known/oauth-protected-resource/mcp\", scope=\"tributary.read\", error=\"invalid_token\", error_description=\"{why}\"",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(
            $$"""{"error":"invalid_token","message":"{{why.Replace("'", "\\u0027", StringComparison.Ordinal)}}; get a new access token from the issuer named in the protected-resource metadata and send it as \u0027Authorization: Bearer \u003Caccess token\u003E\u0027"}""",
            body);
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => Mentions(e, token));
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    [InlineData("/.well-known/oauth-protected-resource")]
    public async Task Metadata_IsServedAtTheWellKnownUrls(string path)
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $$"""{"resource":"{{host.BaseAddress}}mcp","authorization_servers":["{{issuer.Url}}"],"bearer_methods_supported":["header"],"scopes_supported":["tributary.read","tributary.write"],"resource_name":"Tributary"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Metadata_ResourceConfigured_NamesItInTheDocumentAndTheChallenge()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(
            issuer, DeadUpstream, new ScopedLogCollector(), Token, extraOAuth: "    resource: https://tributary.example.com/mcp");

        using var metadata = await host.Http.GetAsync(new Uri("/.well-known/oauth-protected-resource/mcp", UriKind.Relative), Token);
        using var request = OAuthHost.Initialize(token: null);
        using var refused = await host.Http.SendAsync(request, Token);

        Assert.StartsWith("""{"resource":"https://tributary.example.com/mcp",""", await metadata.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(
            "Bearer resource_metadata=\"https://tributary.example.com/.well-known/oauth-protected-resource/mcp\", scope=\"tributary.read\"",
            Assert.Single(refused.Headers.GetValues("WWW-Authenticate")));
    }

    [Fact]
    public async Task Metadata_OtherPathBelowTheWellKnownPrefix_NotFound()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        using var response = await host.Http.GetAsync(new Uri("/.well-known/oauth-protected-resource/health", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Session_SecondIdentity_GetsNotFoundAsForASessionThatDoesNotExist()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, TempRegistry.EverythingStdio(), new ScopedLogCollector(), Token);
        await using var alice = await OAuthHost.ConnectAsync(host, issuer.Mint("alice"), Token);
        string session = alice.SessionId!;

        using var byBob = OAuthHost.ListTools(session, issuer.Mint("bob"));
        using var bobs = await host.Http.SendAsync(byBob, Token);
        using var unknown = OAuthHost.ListTools("no-such-session", issuer.Mint("bob"));
        using var unknowns = await host.Http.SendAsync(unknown, Token);
        using var byAlice = OAuthHost.ListTools(session, issuer.Mint("alice"));
        using var alices = await host.Http.SendAsync(byAlice, Token);

        Assert.Equal(HttpStatusCode.NotFound, bobs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknowns.StatusCode);
        string bobsBody = await bobs.Content.ReadAsStringAsync(Token);
        Assert.Contains("\"message\":\"Session not found\"", bobsBody, StringComparison.Ordinal);
        Assert.Equal(await unknowns.Content.ReadAsStringAsync(Token), bobsBody);
        Assert.Equal(HttpStatusCode.OK, alices.StatusCode);
        Assert.Contains("everything__echo", await alices.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcp_TokenWithoutTheReadScope_403NamingIt()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        using var request = OAuthHost.Initialize(issuer.Mint("alice", scope: "profile"));
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            $"Bearer resource_metadata=\"{host.BaseAddress}.well-known/oauth-protected-resource/mcp\", scope=\"tributary.read\", error=\"insufficient_scope\", error_description=\"the access token lacks the scope \u0027tributary.read\u0027\"",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(
            """{"error":"insufficient_scope","message":"/mcp needs the scope \u0027tributary.read\u0027, which the access token does not grant; get a token with \u0027tributary.read\u0027 from the issuer (for example by logging in again)"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task ToolCall_WriteToolWithoutTheWriteScope_ErrorNamingTheScope_WithItTheCallRuns()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, TempRegistry.EverythingStdio(), new ScopedLogCollector(), Token);
        await using var reader = await OAuthHost.ConnectAsync(host, issuer.Mint("alice", scope: "tributary.read"), Token);
        await using var writer = await OAuthHost.ConnectAsync(host, issuer.Mint("bob", scope: "tributary.read tributary.write"), Token);

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() =>
            reader.CallToolAsync("everything__toggle-subscriber-updates", new Dictionary<string, object?>(), cancellationToken: Token).AsTask());
        var read = await reader.CallToolAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "still reads" }, cancellationToken: Token);
        var written = await writer.CallToolAsync("everything__toggle-subscriber-updates", new Dictionary<string, object?>(), cancellationToken: Token);

        Assert.Equal(
            "Request failed (remote): the tool 'everything__toggle-subscriber-updates' declares that it writes, so it needs the scope 'tributary.write', which the access token does not grant; get a token with 'tributary.write' from the issuer (for example by logging in again)",
            refused.Message);
        Assert.Equal(McpErrorCode.InvalidRequest, refused.ErrorCode);
        Assert.NotEqual(true, read.IsError);
        Assert.NotEqual(true, written.IsError);
    }

    [Fact]
    public async Task AgentRun_TokenWithoutTheWriteScope_403NamingIt()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/agents/reviewer/runs", UriKind.Relative))
        {
            Content = new StringContent("""{"prompt":"review"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint("alice", scope: "tributary.read"));
        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            """{"error":"insufficient_scope","message":"an agent run needs the scope \u0027tributary.write\u0027, which the access token does not grant; get a token with \u0027tributary.write\u0027 from the issuer (for example by logging in again)"}""",
            await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Mcp_SharedKeyAlsoSet_KeyIsNotAnAccessToken()
    {
        const string Key = "s3cret-key-for-oauth-tests";
        await using var issuer = await TestIssuer.StartAsync(Token);
        var logs = new ScopedLogCollector();
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, logs, Token, key: Key);

        using var request = OAuthHost.Initialize(Key);
        using var response = await host.Http.SendAsync(request, Token);
        string body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\", error_description=\"the access token is not valid\"", Assert.Single(response.Headers.GetValues("WWW-Authenticate")), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, body, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => Mentions(e, Key));
    }

    [Fact]
    public async Task HealthProbe_WithoutATokenRefusedSayingSo_WithOneAnswered()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        using var anonymous = await host.Http.GetAsync(new Uri("/health?probe=true", UriKind.Relative), Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health?probe=true", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Mint("alice"));
        using var authorized = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(
            """{"error":"unauthorized","message":"/health?probe=true needs an access token for /mcp or the key configured in TRIBUTARY_MCP_KEY: send \u0027Authorization: Bearer \u003Ctoken or key\u003E\u0027; without one /health gives only the overall status"}""",
            await anonymous.Content.ReadAsStringAsync(Token));
        Assert.NotEqual(HttpStatusCode.Unauthorized, authorized.StatusCode);
        Assert.Contains("\"up\"", await authorized.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AllInterfacesWithOAuthAndNoKey_ServesAndAsksForAToken()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token, urls: "http://0.0.0.0:0");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.BaseAddress.Port}") };

        using var request = OAuthHost.Initialize(token: null);
        using var response = await http.SendAsync(request, Token);

        // The exposure guard would answer 503 and stop the host; access tokens protect it as the key would.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Start_OAuth_NoDataProtectionSoNothingIsWrittenUnderHome()
    {
        await using var issuer = await TestIssuer.StartAsync(Token);
        await using var host = await OAuthHost.StartAsync(issuer, DeadUpstream, new ScopedLogCollector(), Token);

        // Validating JWTs encrypts nothing; AddAuthentication's key ring would be written to ~/.aspnet.
        Assert.Null(host.Services.GetService<IDataProtectionProvider>());
    }

    internal static bool Mentions(ScopedLog entry, string secret) =>
        entry.Message.Contains(secret, StringComparison.Ordinal)
        || (entry.Exception?.Contains(secret, StringComparison.Ordinal) ?? false)
        || entry.Scopes.Any(s => s.Contains(secret, StringComparison.Ordinal));
}
