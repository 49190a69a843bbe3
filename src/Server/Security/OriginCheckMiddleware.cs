using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Tributary.Server.Security;

/// <summary>
/// Refuses <c>/mcp</c> requests whose <c>Origin</c> names a host outside <see cref="SecurityOptions.AllowedOriginHosts"/>:
/// a web page cannot reach the local server through DNS rebinding. No <c>Origin</c> (a non-browser client) passes.
/// </summary>
internal sealed partial class OriginCheckMiddleware(RequestDelegate next, PathString mcpPath, SecurityOptions security, ILogger<OriginCheckMiddleware> logger)
{
    /// <summary>Checks the request, then passes it on or answers 403.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0 || !context.Request.Path.StartsWithSegments(mcpPath))
        {
            return next(context);
        }

        var host = Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.Host : origin;
        if (HostList.Allows(security.AllowedOriginHosts, host))
        {
            return next(context);
        }

        LogOriginRefused(logger, origin);
        return SecurityErrorResponse.WriteAsync(
            context.Response, StatusCodes.Status403Forbidden, "origin_not_allowed", Message(origin, host), context.RequestAborted);
    }

    /// <summary>The 403 message for <paramref name="origin"/>.</summary>
    public static string Message(string origin, string host) =>
        $"the origin '{origin}' is not allowed to use /mcp; to allow it, add '{host}' to {SecurityOptions.AllowedHostsVariable} (host names separated by ';')";

    [LoggerMessage(4002, LogLevel.Warning, "Refused a request to /mcp from origin {Origin}: not in the allowed hosts")]
    private static partial void LogOriginRefused(ILogger logger, string origin);
}
