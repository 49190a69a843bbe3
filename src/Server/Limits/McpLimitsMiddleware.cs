using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Limits;

/// <summary>
/// Holds <c>/mcp</c> requests to the host's limits before the MCP SDK sees them: a new session beyond
/// <see cref="LimitOptions.MaxSessions"/> answers 503 with <c>Retry-After</c>, and a body over
/// <see cref="LimitOptions.McpMaxBodyBytes"/> answers 413, both as JSON-RPC errors.
/// </summary>
internal sealed class McpLimitsMiddleware(RequestDelegate next, PathString mcpPath, McpSessionGate gate, IOptions<LimitOptions> options)
{
    private const string SessionIdHeader = "Mcp-Session-Id";
    private const string ProtocolVersionHeader = "MCP-Protocol-Version";

    /// <summary>Checks the request and passes it on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments(mcpPath, out var rest))
        {
            await next(context);
            return;
        }

        var limits = options.Value;
        var cancellationToken = context.RequestAborted;

        // The legacy SSE stream lasts as long as its session, which counts itself: only look, do not hold a place.
        bool legacyStream = HttpMethods.IsGet(request.Method) && rest.Equals("/sse", StringComparison.Ordinal);
        // A 2026-07-28 request never has a session (it is served on its own and forgotten), so it takes no place.
        bool opensSession = HttpMethods.IsPost(request.Method) && rest == PathString.Empty && !request.Headers.ContainsKey(SessionIdHeader)
            && !ProtocolRevisions.IsPerRequest(request.Headers[ProtocolVersionHeader]);
        if ((legacyStream && gate.IsFull) || (opensSession && !gate.TryEnter()))
        {
            await JsonRpcErrorResponse.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, LimitMessages.TooManySessions(gate.MaxSessions), limits.RetryAfter, cancellationToken);
            return;
        }

        try
        {
            if (HttpMethods.IsPost(request.Method))
            {
                if (await RequestBody.ReadAsync(context, limits.McpMaxBodyBytes, cancellationToken) is not { } body)
                {
                    await JsonRpcErrorResponse.WriteAsync(context.Response, StatusCodes.Status413PayloadTooLarge, LimitMessages.McpBodyTooLarge(limits.McpMaxBodyBytes), retryAfter: null, cancellationToken);
                    return;
                }

                request.Body = new MemoryStream(body, writable: false);
                request.ContentLength = body.Length;
            }

            await next(context);
        }
        finally
        {
            if (opensSession)
            {
                gate.Exit();
            }
        }
    }
}
