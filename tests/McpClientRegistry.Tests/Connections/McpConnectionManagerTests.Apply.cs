using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed partial class McpConnectionManagerTests
{
    private static readonly Dictionary<string, object?> s_hi = new() { ["message"] = "hi" };

    [Fact]
    public async Task Apply_SameRegistryReadAgain_KeepsConnectionAndSession()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs") with { Args = ["a"], Env = new Dictionary<string, string> { ["K"] = "v" } });
        await using var _ = manager;
        await catalog.CallToolAsync("docs__echo", s_hi, CallContext.None, Token);
        var before = manager.Connections[0];

        // Read again: equal values in new lists and maps, and the entry moved down the file.
        var reread = TestRegistry.Http("docs") with { Args = ["a"], Env = new Dictionary<string, string> { ["K"] = "v" }, Location = new ConfigLocation("test.yml", 9, 3) };
        var changes = await manager.ApplyAsync(new RegistryConfig("test.yml", [reread]), Token);
        var result = await catalog.CallToolAsync("docs__echo", s_hi, CallContext.None, Token);

        Assert.True(changes.IsEmpty);
        Assert.Same(before, manager.Connections[0]);
        Assert.Equal(1, factory["docs"].ConnectCount);
        Assert.Equal("docs echoes hi", Assert.IsType<TextContentBlock>(result.Content[0]).Text);
        Assert.Equal(9, manager.Registry.Servers[0].Location.Line);
    }

    [Fact]
    public async Task Apply_ServerAdded_ItsToolsAppearAndOthersAreUntouched()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho(), new InMemoryUpstream("files").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;
        await catalog.GetAsync(Token);
        var docs = manager.Connections[0];
        var announced = TestRegistry.NextSnapshot(catalog, _ => true);

        var changes = await manager.ApplyAsync(new RegistryConfig("test.yml", [TestRegistry.Http("docs"), TestRegistry.Http("files")]), Token);
        await announced.WaitAsync(Token);
        var snapshot = await catalog.GetAsync(Token);

        Assert.Equal(["files"], changes.Added);
        Assert.Empty(changes.Removed);
        Assert.Empty(changes.Changed);
        Assert.Equal(["docs__echo", "files__echo"], snapshot.Tools.Select(t => t.Name));
        Assert.Same(docs, manager.Connections[0]);
        Assert.Equal(1, factory["docs"].ConnectCount);
        Assert.Equal(["docs", "files"], manager.GetHealth().Select(h => h.Name));
    }

    [Fact]
    public async Task Apply_ServerRemoved_DisconnectedAndItsToolsGone()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho(), new InMemoryUpstream("files").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("docs"), TestRegistry.Http("files")]);
        await using var _ = manager;
        await catalog.GetAsync(Token);
        var files = manager.Connections[1];
        var shrunk = TestRegistry.NextSnapshot(catalog, s => s.Tools.Count == 1);

        var changes = await manager.ApplyAsync(new RegistryConfig("test.yml", [TestRegistry.Http("docs")]), Token);
        var snapshot = await shrunk.WaitAsync(Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => manager.InvokeAsync("files", "ping", null, (c, t) => Task.FromResult(0), Token));

        Assert.Equal(["files"], changes.Removed);
        Assert.Equal(["docs__echo"], snapshot.Tools.Select(t => t.Name));
        Assert.Equal("no MCP server named 'files' in the registry", error.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => files.EnsureConnectedAsync(Token));
        Assert.Equal(["docs"], manager.GetHealth().Select(h => h.Name));
    }

    [Fact]
    public async Task Apply_ServerWithSecretRemoved_ItsSecretIsStillRedactedWhileItsConnectionLives()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho());
        var secret = TestRegistry.Http("docs") with { AuthType = McpAuthKind.Header, Headers = new Dictionary<string, string> { ["X-Api-Key"] = "s3cr3t-of-docs-91f" } };
        var (manager, catalog) = TestRegistry.Create(factory, servers: secret);
        await using var _ = manager;
        await catalog.CallToolAsync("docs__echo", s_hi, CallContext.None, Token);
        var retired = manager.Connections[0];

        await manager.ApplyAsync(new RegistryConfig("test.yml", []), Token);

        Assert.Equal("upstream said: *** is wrong", manager.RedactSecrets("upstream said: s3cr3t-of-docs-91f is wrong"));
        GC.KeepAlive(retired);
    }

    [Fact]
    public async Task Apply_EntryChanged_OldConnectionClosedAndNewOneConnected()
    {
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: TestRegistry.Http("docs"));
        await using var _ = manager;
        await catalog.GetAsync(Token);
        var before = manager.Connections[0];

        var changes = await manager.ApplyAsync(new RegistryConfig("test.yml", [TestRegistry.Http("docs") with { Timeout = TimeSpan.FromSeconds(5) }]), Token);

        Assert.Equal(["docs"], changes.Changed);
        Assert.NotSame(before, manager.Connections[0]);
        Assert.Equal(TimeSpan.FromSeconds(5), manager.Connections[0].Config.Timeout);
        Assert.Equal(2, factory["docs"].ConnectCount);
        Assert.Equal(ServerState.Connected, manager.GetHealth()[0].State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => before.EnsureConnectedAsync(Token));
    }

    [Fact]
    public async Task Apply_VariableChangedBehindSameEntry_Reconnects()
    {
        var variables = new Dictionary<string, string> { ["DOCS_TOKEN"] = "old" };
        await using var factory = new InMemoryUpstreamFactory(new InMemoryUpstream("docs").WithEcho(), new InMemoryUpstream("files").WithEcho());
        var docs = TestRegistry.Http("docs") with { AuthType = McpAuthKind.Bearer, AuthTokenEnv = "DOCS_TOKEN" };
        var (manager, _) = TestRegistry.Create(factory, variables: variables, servers: [docs, TestRegistry.Http("files")]);
        await using var __ = manager;
        var files = manager.Connections[1];

        var unchanged = await manager.ApplyAsync(new RegistryConfig("test.yml", [docs, TestRegistry.Http("files")]), Token);
        variables["DOCS_TOKEN"] = "rotated";
        var rotated = await manager.ApplyAsync(new RegistryConfig("test.yml", [docs, TestRegistry.Http("files")]), Token);

        Assert.True(unchanged.IsEmpty);
        Assert.Equal(["docs"], rotated.Changed);
        Assert.Same(files, manager.Connections[1]);
    }

    [Fact]
    public async Task Apply_CallInFlightOnRemovedServer_FailsSayingTheReloadRemovedIt()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upstream = new InMemoryUpstream("docs");
        upstream.Tools.Add(McpServerTool.Create(
            async (CancellationToken token) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
                return "never";
            },
            new McpServerToolCreateOptions { Name = "deploy" }));
        await using var factory = new InMemoryUpstreamFactory(upstream, new InMemoryUpstream("files").WithEcho());
        var (manager, catalog) = TestRegistry.Create(factory, servers: [TestRegistry.Http("docs"), TestRegistry.Http("files")]);
        await using var _ = manager;
        await catalog.GetAsync(Token);

        var call = catalog.CallToolAsync("docs__deploy", null, CallContext.None, Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        await manager.ApplyAsync(new RegistryConfig("test.yml", [TestRegistry.Http("files")]), Token);
        var error = await Assert.ThrowsAsync<UpstreamException>(() => call);

        Assert.Equal(UpstreamFailureKind.ConnectionLost, error.Kind);
        Assert.Equal("server 'docs' was removed from the registry by a configuration reload during tools/call 'deploy'; the request was not sent again", error.Message);
    }

    [Fact]
    public void McpServerConfig_Equality_ComparesListsAndMapsByValueAndIgnoresLocation()
    {
        var a = TestRegistry.Stdio("files") with
        {
            Args = ["-y", "server"],
            Env = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" },
            Tools = new ToolFilter(["read_*"], []),
            Location = new ConfigLocation("a.yml", 3, 3),
        };
        var same = TestRegistry.Stdio("files") with
        {
            Args = ["-y", "server"],
            Env = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" },
            Tools = new ToolFilter(["read_*"], []),
            Location = new ConfigLocation("a.yml", 12, 3),
        };

        Assert.Equal(a, same);
        Assert.NotEqual(a, same with { Args = ["-y", "other"] });
        Assert.NotEqual(a, same with { Env = new Dictionary<string, string> { ["A"] = "1", ["B"] = "3" } });
        Assert.NotEqual(a, same with { Tools = new ToolFilter(["read_*"], ["read_secret"]) });
        Assert.NotEqual(a, same with { Headers = new Dictionary<string, string> { ["X"] = "1" } });
        Assert.NotEqual(a, same with { MaxMessageSize = 1 });
        Assert.NotEqual(a, same with { Scopes = ["read"] });
        Assert.NotEqual(a, same with { ClientId = "tributary" });
    }

    [Fact]
    public void McpServerConfig_Equality_CoversEveryProperty()
    {
        // A property added to the entry must be added to its Equals, or a reload would miss its changes.
        var compared = new[]
        {
            "Name", "Transport", "Url", "Command", "Args", "Env", "Cwd", "AuthType", "AuthTokenEnv", "Headers", "Enabled",
            "Description", "Prefix", "Tools", "Timeout", "ConnectTimeout", "MaxMessageSize", "Location",
            "Grant", "ClientId", "ClientSecretEnv", "ClientKeyEnv", "ClientMetadataUrl", "Scopes", "RedirectUri",
        };

        Assert.Equal(compared.Order(), typeof(McpServerConfig).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
    }
}
