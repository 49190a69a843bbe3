using System.Text;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Tests.Connections;

public sealed class ToolCallReplyTests
{
    private const string Id = "tributary-7";

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":"tributary-7","result":{"content":[{"type":"text","text":"Echo: h\u00e9 \"x\""}]}}""")]
    [InlineData("""{"result":{"content":[{"type":"text","text":"Echo: hé \"x\""}]},"id":"tributary-7","jsonrpc":"2.0"}""")]
    public void Read_TheAnswerInAnyOrder_IsItsResult(string json)
    {
        var reply = Read(json);

        Assert.Null(reply.Other);
        Assert.Equal("Echo: hé \"x\"", Assert.IsType<TextContentBlock>(Assert.Single(reply.Result!.Content)).Text);
    }

    [Fact]
    public void Read_AnAnswerToAnotherRequest_IsLeftAsAMessage()
    {
        var reply = Read("""{"jsonrpc":"2.0","id":"tributary-8","result":{"content":[]}}""");

        Assert.Null(reply.Result);
        Assert.Equal("tributary-8", Assert.IsType<JsonRpcResponse>(reply.Other).Id.ToString());
    }

    [Fact]
    public void Read_AnErrorAnswer_IsLeftAsAMessage()
    {
        var reply = Read("""{"jsonrpc":"2.0","id":"tributary-7","error":{"code":-32001,"message":"refused on purpose"}}""");

        Assert.Equal("refused on purpose", Assert.IsType<JsonRpcError>(reply.Other).Error.Message);
    }

    [Fact]
    public void Read_ProgressOnTheWay_IsANotification()
    {
        var reply = Read("""{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"7","progress":1}}""");

        Assert.Equal("notifications/progress", Assert.IsType<JsonRpcNotification>(reply.Other).Method);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"jsonrpc":"2.0","id":"tributary-7","result":{"content":[""")]
    public void Read_NotJsonRpc_IsSkipped(string text)
    {
        var reply = Read(text);

        Assert.Null(reply.Result);
        Assert.Null(reply.Other);
    }

    private static ToolCallReply Read(string json) => ToolCallReply.Read(Encoding.UTF8.GetBytes(json), Id);
}
