using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Security;

/// <summary>
/// Puts the caller's subject on everything a request to <c>/mcp</c> or an agent run does: a log scope
/// (<c>Caller</c>) around the rest of the pipeline, which MCP handlers run inside (the SDK flows each request's
/// execution context to its handlers), and the <c>enduser.id</c> tag of the request's activity, the parent of every
/// span the call makes.
/// </summary>
internal sealed class CallerContextMiddleware(RequestDelegate next, ILogger<CallerContextMiddleware> logger)
{
    /// <summary>The activity tag naming the caller (OpenTelemetry's <c>enduser.id</c>).</summary>
    public const string ActivityTag = "enduser.id";

    /// <summary>Runs the rest of the pipeline inside the caller's scope.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CallerIdentity.Subject(context.User) is not { } caller)
        {
            await next(context);
            return;
        }

        Activity.Current?.SetTag(ActivityTag, caller);
        using (logger.BeginScope(new CallerScope(caller)))
        {
            await next(context);
        }
    }
}
