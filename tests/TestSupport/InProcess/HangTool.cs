using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.TestSupport.InProcess;

/// <summary>The tool <c>hang</c>: never answers; ends only when the call is cancelled.</summary>
internal sealed class HangTool : McpServerTool
{
    public const string Name = "hang";

    private static readonly JsonElement s_anyObject = JsonElement.Parse("""{"type":"object","additionalProperties":true}""");

    private readonly TaskCompletionSource<RequestId> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Tool ProtocolTool { get; } = new()
    {
        Name = Name,
        Description = "Never completes until the call is cancelled.",
        InputSchema = s_anyObject,
    };

    public override IReadOnlyList<object> Metadata => [];

    /// <summary>Gets a task that completes with the JSON-RPC id of the first call that reaches the tool.</summary>
    public Task<RequestId> Started => _started.Task;

    /// <summary>Gets a task that completes when a call is first cancelled.</summary>
    public Task Cancelled => _cancelled.Task;

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request,
        CancellationToken cancellationToken = default)
    {
        _started.TrySetResult(request.JsonRpcRequest.Id);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult();
            throw;
        }

        throw new InvalidOperationException("An infinite wait ended without cancellation.");
    }
}
