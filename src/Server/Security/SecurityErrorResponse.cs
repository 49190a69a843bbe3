using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tributary.Server.Security;

/// <summary>Writes the JSON body of a refused request: <c>{"error": "...", "message": "..."}</c>.</summary>
internal static class SecurityErrorResponse
{
    /// <summary>Sets <paramref name="statusCode"/> and writes the body.</summary>
    public static async Task WriteAsync(HttpResponse response, int statusCode, string error, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("error", error);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
