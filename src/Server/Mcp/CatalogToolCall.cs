using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>Sends one <c>tools/call</c> from a client of <c>/mcp</c> through the catalog to the tool's server.</summary>
internal static class CatalogToolCall
{
    /// <summary>
    /// Calls the tool exposed as <paramref name="name"/>, forwarding progress to the caller's token; the call is
    /// cancelled when the client cancels it or abandons the HTTP request waiting for it.
    /// An upstream that cannot answer becomes a tool error naming the server, not a protocol error,
    /// so the client's model can read it and go on.
    /// </summary>
    public static async ValueTask<CallToolResult> InvokeAsync(McpCatalog catalog, string name, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var arguments = Arguments(request.Params?.Arguments);
        var progress = request.Params?.ProgressToken is { } token ? new ProgressForwarder(request.Server, token) : null;
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, DownstreamRequest.Aborted(request));
        try
        {
            return await catalog.CallToolAsync(name, arguments, progress, abandoned.Token);
        }
        catch (UpstreamException e)
        {
            return new CallToolResult
            {
                IsError = true,
                Content = [new TextContentBlock { Text = e.Message }],
            };
        }
        finally
        {
            // The client drops progress that comes after the result: send what the upstream reported first.
            if (progress is not null)
            {
                await progress.DrainAsync();
            }
        }
    }

    // Values stay JsonElements: the upstream client serializes them as they came.
    private static Dictionary<string, object?>? Arguments(IDictionary<string, JsonElement>? arguments) =>
        arguments?.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal);
}
