using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.Server.Security;

/// <summary>
/// Answers a request for another identity's <c>/mcp</c> session exactly as for a session that does not exist (404
/// <c>Session not found</c>; 400 <c>Session ID not found.</c> on the legacy SSE transport), so a session id is of no use
/// to anyone else and says nothing about whether it is live. The SDK itself would answer 403, confirming the session.
/// </summary>
internal sealed partial class SessionOwnerMiddleware(RequestDelegate next, SessionOwners owners, ILogger<SessionOwnerMiddleware> logger)
{
    private const string SessionHeader = "Mcp-Session-Id";

    // The SDK's own answer for an unknown session (StreamableHttpHandler), code included.
    private static readonly byte[] s_notFound = JsonSerializer.SerializeToUtf8Bytes(
        new JsonRpcError { Id = default, Error = new JsonRpcErrorDetail { Code = -32001, Message = "Session not found" } },
        McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)));

    private static readonly PathString s_legacyMessages = ProtectedResource.McpPath.Add("/message");

    /// <summary>Passes the request on unless it names a session another identity created.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments(ProtectedResource.McpPath))
        {
            return next(context);
        }

        bool legacy = request.Path == s_legacyMessages;
        string sessionId = legacy ? request.Query["sessionId"].ToString() : request.Headers[SessionHeader].ToString();
        if (sessionId.Length == 0 || !owners.BelongsToAnother(sessionId, context.User))
        {
            return next(context);
        }

        LogForeignSession(logger, CallerIdentity.Subject(context.User) ?? "(none)");
        return legacy ? Results.BadRequest("Session ID not found.").ExecuteAsync(context) : NotFoundAsync(context.Response);
    }

    private static async Task NotFoundAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(s_notFound, response.HttpContext.RequestAborted);
    }

    [LoggerMessage(4003, LogLevel.Warning, "Caller {Caller} named an /mcp session another identity created; answered as if it did not exist")]
    private static partial void LogForeignSession(ILogger logger, string caller);
}
