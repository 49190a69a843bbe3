using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tributary.Server.Mcp;

/// <summary>The HTTP request that carried an MCP request to <c>/mcp</c>.</summary>
/// <remarks>
/// A stateful session outlives its POSTs, so the SDK does not cancel a handler whose POST went away (the C# client
/// cancels that way, without <c>notifications/cancelled</c>). The SDK runs the handler in the POST's execution
/// context, so a value noted there before the SDK sees the request reaches the handler. It is noted on the request's
/// own thread: the handler runs on another while the request waits, and an <see cref="HttpContext"/> is not safe to
/// read from two threads.
/// </remarks>
internal static class DownstreamRequest
{
    private static readonly AsyncLocal<CancellationToken> s_abandoned = new();

    /// <summary>Notes, for every request to the endpoints of <paramref name="builder"/>, the token of <see cref="Abandoned"/>.</summary>
    public static TBuilder NoteAbandonment<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"endpoint '{endpoint.DisplayName}' has no request delegate");
            endpoint.RequestDelegate = async context =>
            {
                // Async, so the value is scoped to this request and not left to the next one on the connection.
                s_abandoned.Value = AbandonmentToken(context);
                await inner(context);
            };
        });
        return builder;
    }

    /// <summary>
    /// A token that fires when the client abandons the streamable HTTP POST waiting for this request's answer,
    /// or <see cref="CancellationToken.None"/> when there is no such POST.
    /// </summary>
    /// <remarks>
    /// A legacy SSE message POST is answered with 202 at once and says nothing about the request's fate, so it
    /// does not count.
    /// </remarks>
    public static CancellationToken Abandoned => s_abandoned.Value;

    private static CancellationToken AbandonmentToken(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.Value.AsSpan().EndsWith("/message", StringComparison.Ordinal)
            ? context.RequestAborted
            : CancellationToken.None;
}
