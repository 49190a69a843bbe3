using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tributary.Server.Limits;

/// <summary>
/// Writes a refusal of an <c>/mcp</c> request as MCP clients read one: a JSON-RPC error with no id,
/// <c>{"jsonrpc": "2.0", "id": null, "error": {"code": -32000, "message": "..."}}</c>, as the SDKs answer their own HTTP errors.
/// </summary>
internal static class JsonRpcErrorResponse
{
    /// <summary>The JSON-RPC code of a server-side refusal (the implementation-defined server error range).</summary>
    public const int ServerErrorCode = -32000;

    /// <summary>Sets <paramref name="statusCode"/> (and <c>Retry-After</c> in whole seconds when given) and writes the body.</summary>
    public static async Task WriteAsync(HttpResponse response, int statusCode, string message, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        if (retryAfter is { } delay)
        {
            response.Headers[HeaderNames.RetryAfter] = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNull("id");
        writer.WriteStartObject("error");
        writer.WriteNumber("code", ServerErrorCode);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
