using Microsoft.AspNetCore.Http;

namespace Tributary.TestSupport.InProcess;

/// <summary>Counts every HTTP request and rejects those without the required header with 401.</summary>
internal sealed class RequestGate(RequiredHeader? requiredHeader)
{
    private int _requestCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _requestCount);
        if (requiredHeader is not null
            && !string.Equals(context.Request.Headers[requiredHeader.Name], requiredHeader.Value, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync($"missing or wrong {requiredHeader.Name} header", context.RequestAborted);
            return;
        }

        await next(context);
    }
}
