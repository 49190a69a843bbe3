using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Health;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Integration;

/// <summary>The catalog in front of the real server-everything, over each transport.</summary>
public sealed class EverythingCatalogTests(EverythingServersFixture servers, ITestOutputHelper output) : IClassFixture<EverythingServersFixture>
{
    public static readonly TheoryData<string> Transports = ["stdio", "streamable-http", "sse"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task GetAsync_Transport_ListsEveryToolPromptAndResourceAsTheServerDoes(string transport)
    {
        await using var registry = LiveRegistry.Create(servers.RegistryYaml(transport), output);
        await using var raw = await servers.ConnectRawAsync(transport, Token);

        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);

        // The catalog orders by original name within a server; the server lists in registration order.
        var rawTools = (await raw.ListToolsAsync(cancellationToken: Token)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var rawPrompts = (await raw.ListPromptsAsync(cancellationToken: Token)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rawResources = await raw.ListResourcesAsync(cancellationToken: Token);

        Assert.Contains(snapshot.Tools, t => t.Name == "everything__echo");
        Assert.Contains(snapshot.Tools, t => t.Name == "everything__get-sum");
        Assert.Equal(rawTools.Select(t => "everything__" + t.Name), snapshot.Tools.Select(t => t.Name));
        foreach (var (exposed, upstream) in snapshot.Tools.Zip(rawTools))
        {
            Assert.Equal("everything", exposed.ServerName);
            Assert.Equal(upstream.Name, exposed.OriginalName);
            Assert.Equal(upstream.Description, exposed.Definition.Description);
            Assert.True(
                JsonElement.DeepEquals(upstream.ProtocolTool.InputSchema, exposed.Definition.InputSchema),
                $"input schema of {upstream.Name} changed: {exposed.Definition.InputSchema}");
        }

        Assert.Equal(rawPrompts.Select(p => "everything__" + p.Name), snapshot.Prompts.Select(p => p.Name));
        Assert.Equal(rawResources.Select(r => r.Uri), snapshot.Resources.Select(r => r.Uri));
        Assert.Equal(ServerState.Connected, registry.Health("everything").State);
        Assert.Equal(rawTools.Count, registry.Health("everything").ToolCount);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CallTool_Echo_ReturnsTheUpstreamText(string transport)
    {
        await using var registry = LiveRegistry.Create(servers.RegistryYaml(transport), output);

        var text = await registry.CallTextAsync("everything__echo", new Dictionary<string, object?> { ["message"] = "hi" }, Token);

        Assert.Equal("Echo: hi", text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CallTool_GetSumWithIntegers_ReturnsTheSum(string transport)
    {
        await using var registry = LiveRegistry.Create(servers.RegistryYaml(transport), output);

        var text = await registry.CallTextAsync("everything__get-sum", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 3 }, Token);

        Assert.Contains("5", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ReadResource_FirstStaticDocument_ReturnsItsText(string transport)
    {
        await using var registry = LiveRegistry.Create(servers.RegistryYaml(transport), output);
        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);
        var document = snapshot.Resources.First(r => r.Uri.StartsWith("demo://resource/static/document/", StringComparison.Ordinal));

        var result = await registry.Catalog.ReadResourceAsync(document.Uri, Token).WaitAsync(LiveRegistry.Bound, Token);

        var contents = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal(document.Uri, contents.Uri);
        Assert.False(string.IsNullOrWhiteSpace(contents.Text));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task GetPrompt_SimplePrompt_ReturnsItsMessage(string transport)
    {
        await using var registry = LiveRegistry.Create(servers.RegistryYaml(transport), output);
        var snapshot = await registry.Catalog.GetAsync(Token).WaitAsync(LiveRegistry.Bound, Token);
        var prompt = Assert.Single(snapshot.Prompts, p => p.OriginalName == "simple-prompt");

        var result = await registry.Catalog.GetPromptAsync(prompt.Name, null, Token).WaitAsync(LiveRegistry.Bound, Token);

        Assert.Equal("everything__simple-prompt", prompt.Name);
        var message = Assert.Single(result.Messages);
        Assert.Equal("This is a simple prompt without arguments.", Assert.IsType<TextContentBlock>(message.Content).Text);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CallTool_LongRunningOperation_ReportsProgressThroughTheCaller(string transport)
    {
        await using var registry = LiveRegistry.Create(servers.RegistryYaml(transport), output);
        var progress = new CollectingProgress();

        var result = await registry.Catalog.CallToolAsync(
            "everything__trigger-long-running-operation",
            new Dictionary<string, object?> { ["duration"] = 0.3, ["steps"] = 3 },
            new CallContext { Progress = progress },
            Token).WaitAsync(LiveRegistry.Bound, Token);

        Assert.NotEqual(true, result.IsError);
        Assert.Contains("Steps: 3", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        // The last tick may still be in flight when the result arrives.
        Assert.True(progress.Ticks.Count >= 2, $"expected at least 2 progress ticks, got {progress.Ticks.Count}");
        Assert.All(progress.Ticks, t => Assert.Equal(3, t.Total));
        Assert.Equal([1f, 2f], progress.Ticks.Take(2).Select(t => t.Progress));
    }

    /// <summary>Records ticks on the thread that reports them (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class CollectingProgress : IProgress<ProgressNotificationValue>
    {
        private readonly ConcurrentQueue<ProgressNotificationValue> _ticks = new();

        public IReadOnlyList<ProgressNotificationValue> Ticks => [.. _ticks];

        public void Report(ProgressNotificationValue value) => _ticks.Enqueue(value);
    }
}
