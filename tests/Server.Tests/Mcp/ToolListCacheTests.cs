using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.Server.Mcp;

namespace Tributary.Server.Tests.Mcp;

public sealed class ToolListCacheTests
{
    [Fact]
    public void Current_CollectionUnchanged_SerializesEachToolOnceAndListsItUnchanged()
    {
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        var tool = new CountingTool("s__search", """{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}""");
        collection.Add(tool);
        var cache = new ToolListCache(collection);
        var readsBefore = tool.Reads; // the collection reads the name on Add

        var first = cache.Current().ToJsonString();
        var second = cache.Current().ToJsonString();

        Assert.Equal(1, tool.Reads - readsBefore);
        Assert.Equal(first, second);
        var listed = JsonSerializer.Deserialize<ListToolsResult>(first, McpJsonUtilities.DefaultOptions)!;
        var search = Assert.Single(listed.Tools);
        Assert.Equal("s__search", search.Name);
        Assert.Equal("finds s__search", search.Description);
        Assert.Equal(tool.Schema, search.InputSchema.GetRawText());
        Assert.True(search.Annotations?.ReadOnlyHint);
    }

    [Fact]
    public void Current_AfterToolsAreAddedAndRemoved_ListsTheCollectionAsItIsNow()
    {
        var collection = new McpServerPrimitiveCollection<McpServerTool>();
        var first = new CountingTool("a__one", """{"type":"object"}""");
        collection.Add(first);
        var cache = new ToolListCache(collection);
        Assert.Equal(["a__one"], Names(cache));

        collection.Add(new CountingTool("b__two", """{"type":"object"}"""));
        Assert.Equal(["a__one", "b__two"], Names(cache).Order());

        collection.Remove(first);
        Assert.Equal(["b__two"], Names(cache));
    }

    private static IEnumerable<string> Names(ToolListCache cache) =>
        JsonSerializer.Deserialize<ListToolsResult>(cache.Current().ToJsonString(), McpJsonUtilities.DefaultOptions)!.Tools.Select(t => t.Name);

    private sealed class CountingTool(string name, string schema) : McpServerTool
    {
        private readonly Tool _tool = new()
        {
            Name = name,
            Description = $"finds {name}",
            InputSchema = JsonDocument.Parse(schema).RootElement,
            Annotations = new ToolAnnotations { ReadOnlyHint = true },
        };

        public string Schema { get; } = schema;

        public int Reads { get; private set; }

        public override Tool ProtocolTool
        {
            get
            {
                Reads++;
                return _tool;
            }
        }

        public override IReadOnlyList<object> Metadata => [];

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("listing only");
    }
}
