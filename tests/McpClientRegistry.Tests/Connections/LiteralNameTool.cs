using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.McpClientRegistry.Tests.Connections;

/// <summary>
/// A tool whose name is taken as given, even one the SDK's own factory rejects (spaces, 70 characters),
/// as third-party servers do publish such names. It answers <c>{server}:{name}</c>.
/// </summary>
internal sealed class LiteralNameTool(string serverName, string name, Func<string>? answer = null) : McpServerTool
{
    private static readonly JsonElement EmptySchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    public override Tool ProtocolTool { get; } = new() { Name = name, Description = $"The {name} tool", InputSchema = EmptySchema };

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = answer?.Invoke() ?? $"{serverName}:{name}" }] });
}
