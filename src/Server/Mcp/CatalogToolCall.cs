using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Limits;

namespace Tributary.Server.Mcp;

/// <summary>Sends a <c>tools/call</c> from a client of <c>/mcp</c> through the catalog to the tool's server.</summary>
internal sealed class CatalogToolCall(McpCatalog catalog, BridgedCalls bridged, IOptions<LimitOptions> limits, TimeProvider time)
{
    /// <summary>
    /// Calls the tool exposed as <paramref name="name"/>. While it runs, the upstream's progress and log messages
    /// about this call reach the caller before the result, and its sampling and elicitation requests for this call
    /// go to the caller; none of it reaches any other session. The call is cancelled when the client cancels it or
    /// abandons the HTTP request waiting for it.
    /// An upstream that cannot answer becomes a tool error naming the server, not a protocol error,
    /// so the client's model can read it and go on.
    /// A 2026-07-28 client, which has no session to be asked on, gets the upstream's sampling and elicitation requests
    /// as <c>input_required</c> answers instead, and its retries carry the call on (<see cref="BridgedCalls"/>).
    /// </summary>
    public async ValueTask<CallToolResult> InvokeAsync(string name, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, DownstreamRequest.Abandoned(request));
        try
        {
            if (request.Server.SessionId is null)
            {
                return await bridged.InvokeAsync(token => new ValueTask<ExposedTool>(catalog.FindPublishedToolAsync(name, token)), request, abandoned.Token);
            }

            var arguments = JsonArguments.Of(request.Params?.Arguments);
            // Resolved first (a name not listed yet connects its server), so the call is known before it starts.
            var tool = await catalog.FindPublishedToolAsync(name, abandoned.Token);
            await using var call = new DownstreamCall(tool.ServerName, request, new CallingClientRelay(request.Server, limits.Value.RelayTimeout, time));
            return await catalog.CallToolAsync(tool, arguments, call.Context, abandoned.Token);
        }
        catch (UpstreamException e)
        {
            return ErrorResult(e);
        }
    }

    /// <summary>The tool error a failed upstream call becomes: its message, which names the server.</summary>
    public static CallToolResult ErrorResult(UpstreamException failure) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = failure.Message }],
    };
}
