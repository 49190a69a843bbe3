using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>The HTTP request that carried an MCP request to <c>/mcp</c>.</summary>
/// <remarks>
/// A stateful session outlives its POSTs, so the SDK does not cancel a handler whose POST went away (the C# client
/// cancels that way, without <c>notifications/cancelled</c>). The one thing of the POST the SDK hands on with the
/// MCP request it carried is the request's user (<see cref="MessageContext.User"/>), so the POST's abandonment token
/// travels in it (<see cref="AbandonablePrincipal"/>): with the request itself, not in ambient state.
/// </remarks>
internal static class DownstreamRequest
{
    /// <summary>Gives every request to the endpoints of <paramref name="builder"/> the token <see cref="Abandoned"/> reads.</summary>
    public static TBuilder NoteAbandonment<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"endpoint '{endpoint.DisplayName}' has no request delegate");
            endpoint.RequestDelegate = context =>
            {
                context.User = new AbandonablePrincipal(context.User, AbandonmentToken(context));
                return inner(context);
            };
        });
        return builder;
    }

    /// <summary>
    /// A token that fires when the client abandons the streamable HTTP POST waiting for <paramref name="request"/>'s
    /// answer, or <see cref="CancellationToken.None"/> when there is no such POST.
    /// </summary>
    /// <remarks>
    /// A legacy SSE message POST is answered with 202 at once and says nothing about the request's fate, so it
    /// does not count.
    /// </remarks>
    public static CancellationToken Abandoned(MessageContext request) =>
        request.User is AbandonablePrincipal principal ? principal.Abandoned : CancellationToken.None;

    private static CancellationToken AbandonmentToken(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.Value.AsSpan().EndsWith("/message", StringComparison.Ordinal)
            ? context.RequestAborted
            : CancellationToken.None;

    /// <summary>The request's user, unchanged, plus the token that fires when its POST is abandoned.</summary>
    private sealed class AbandonablePrincipal(ClaimsPrincipal user, CancellationToken abandoned) : ClaimsPrincipal(user)
    {
        public CancellationToken Abandoned { get; } = abandoned;
    }
}
