using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>The HTTP request that carried an MCP request to <c>/mcp</c>.</summary>
internal static class DownstreamRequest
{
    /// <summary>
    /// A token that fires when the client abandons the streamable HTTP POST waiting for this request's answer,
    /// or <see cref="CancellationToken.None"/> when there is no such POST.
    /// </summary>
    /// <remarks>
    /// A stateful session outlives its POSTs, so the SDK does not cancel a handler whose POST went away (the
    /// C# client cancels that way, without <c>notifications/cancelled</c>). The handler runs in the POST's
    /// execution context, where <see cref="IHttpContextAccessor"/> finds it. A legacy SSE message POST is
    /// answered with 202 at once and says nothing about the request's fate, so it does not count.
    /// </remarks>
    public static CancellationToken Aborted(MessageContext request)
    {
        var http = request.Services?.GetService<IHttpContextAccessor>()?.HttpContext;
        return http is not null
            && HttpMethods.IsPost(http.Request.Method)
            && !http.Request.Path.Value.AsSpan().EndsWith("/message", StringComparison.Ordinal)
            ? http.RequestAborted
            : CancellationToken.None;
    }
}
