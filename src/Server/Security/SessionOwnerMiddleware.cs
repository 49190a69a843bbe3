using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tributary.Server.Security;

/// <summary>
/// Makes a request for another identity's <c>/mcp</c> session name a session that does not exist, so the SDK answers
/// it exactly as it answers an unknown session (404 <c>Session not found</c>, with the request's id; 400
/// <c>Session ID not found.</c> on the legacy SSE transport). A session id is then of no use to anyone else and does
/// not even say whether the session is live; the SDK's own check would answer 403, confirming it.
/// </summary>
internal sealed partial class SessionOwnerMiddleware(RequestDelegate next, SessionOwners owners, ILogger<SessionOwnerMiddleware> logger)
{
    private const string SessionHeader = "Mcp-Session-Id";

    // Session ids the SDK makes are random URL-safe base64 or hex; this one it never makes.
    private const string NoSuchSession = "not-a-session";

    private static readonly PathString s_legacyMessages = ProtectedResource.McpPath.Add("/message");

    /// <summary>Passes the request on, pointed at no session when it names one another identity created.</summary>
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
        if (legacy)
        {
            request.QueryString = QueryString.Create("sessionId", NoSuchSession);
        }
        else
        {
            request.Headers[SessionHeader] = NoSuchSession;
        }

        return next(context);
    }

    [LoggerMessage(4003, LogLevel.Warning, "Caller {Caller} named an /mcp session another identity created; answered as if it did not exist")]
    private static partial void LogForeignSession(ILogger logger, string caller);
}
