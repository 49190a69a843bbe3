using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// A tool with any name that answers <c>serverName:toolName:argumentsJson</c>, so a test can
/// prove which upstream and which tool answered, with which arguments.
/// </summary>
internal sealed class EchoNameTool(string serverName, string toolName) : McpServerTool
{
    private static readonly JsonElement s_anyObject = JsonElement.Parse("""{"type":"object","additionalProperties":true}""");

    public override Tool ProtocolTool { get; } = new()
    {
        Name = toolName,
        Description = $"Answers '{serverName}:{toolName}:<arguments as JSON>'.",
        InputSchema = s_anyObject,
    };

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = $"{serverName}:{toolName}:{ArgumentsJson.Write(request.Params?.Arguments)}";
        return ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = text }] });
    }
}
