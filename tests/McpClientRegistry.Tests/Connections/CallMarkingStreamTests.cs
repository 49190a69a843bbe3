using System.Text;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed class CallMarkingStreamTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_RequestsNotificationsAndTheResult_MarksTheRequestsAndNotificationsOnly()
    {
        const string Sent =
            "id: 7\nretry: 500\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":\"hi\"}}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"sampling/createMessage\",\"params\":{\"_meta\":{\"x\":1},\"maxTokens\":5}}\n\n"
            + "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}\n\n"
            + "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[]}}\n\n"
            + "data: not json\n\n";

        Assert.Equal(
            "id: 7\nretry: 500\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":\"hi\",\"_meta\":{\"dev.tributary/call\":\"k1\"}}}\n\n"
                + "data: {\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"sampling/createMessage\",\"params\":{\"_meta\":{\"x\":1,\"dev.tributary/call\":\"k1\"},\"maxTokens\":5}}\n\n"
                + "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\",\"params\":{\"_meta\":{\"dev.tributary/call\":\"k1\"}}}\n\n"
                + "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[]}}\n\n"
                + "data: not json\n\n",
            await ReadAllAsync(Sent, chunk: 5));
    }

    [Fact]
    public async Task Read_MarkedMessage_CallMarkerTakesTheKeyBackOut()
    {
        var marked = await ReadAllAsync("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\"}}\n\n", chunk: 64);
        var message = System.Text.Json.Nodes.JsonNode.Parse(marked["data: ".Length..].Trim())!.AsObject();
        var meta = message["params"]!["_meta"]!.AsObject();

        Assert.Equal("k1", CallMarker.Take(meta));
        Assert.Empty(meta);
    }

    private static async Task<string> ReadAllAsync(string sent, int chunk)
    {
        await using var stream = new CallMarkingStream(new MemoryStream(Encoding.UTF8.GetBytes(sent)), "k1");
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int read;
        while ((read = await stream.ReadAsync(buffer, Token)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
