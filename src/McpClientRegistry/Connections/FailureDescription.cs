using System.Net;
using System.Net.Http;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>Turns what the SDK and the network throw into short reasons a person can act on.</summary>
internal static class FailureDescription
{
    /// <summary>A one-line reason for <paramref name="exception"/>, without the stack or type noise.</summary>
    public static string Describe(Exception exception, StderrTail? stderr = null) => exception switch
    {
        UpstreamMessageTooLargeException tooLarge => tooLarge.Message,
        ClientTransportClosedException { Details.Exception: UpstreamMessageTooLargeException tooLarge } => tooLarge.Message,
        IOException { InnerException: UpstreamMessageTooLargeException tooLarge } => tooLarge.Message,
        HttpRequestException { InnerException: UpstreamMessageTooLargeException tooLarge } => tooLarge.Message,
        ClientTransportClosedException { Details: StdioClientCompletionDetails stdio } => DescribeExit(stdio.ExitCode, stdio.StandardErrorTail, stderr),
        ClientTransportClosedException { Details: HttpClientCompletionDetails { HttpStatusCode: { } status } } => DescribeStatus(status),
        HttpRequestException { StatusCode: { } status } => DescribeStatus(status),
        HttpRequestException { InnerException: { } inner } http when http.Message.Contains('(', StringComparison.Ordinal) => $"{inner.Message} {http.Message[http.Message.LastIndexOf('(')..]}",
        McpProtocolException protocol => $"the server answered with error {(int)protocol.ErrorCode}: {protocol.Message}",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0], stderr),
        IOException when stderr?.Last() is { } tail => $"{exception.Message} (stderr: {tail})",
        _ => exception.Message,
    };

    /// <summary>Whether the connection that threw <paramref name="exception"/> is dead and must be rebuilt.</summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is IOException or HttpRequestException or ObjectDisposedException or UpstreamMessageTooLargeException
        || exception is McpException { InnerException: IOException or HttpRequestException or UpstreamMessageTooLargeException };

    /// <summary>
    /// Whether the request certainly never reached the server's handler (refused connection, or a session
    /// the server no longer knows), so sending it again on a new connection cannot run it twice.
    /// </summary>
    public static bool WasNotDelivered(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.BadRequest } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError, StatusCode: null } => true,
        ClientTransportClosedException { Details: HttpClientCompletionDetails { HttpStatusCode: HttpStatusCode.NotFound } } => true,
        _ => false,
    };

    private static string DescribeStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"HTTP {(int)status} {status}: the server refused the credentials; check auth_type, auth_token_env or headers",
        HttpStatusCode.NotFound => "HTTP 404 NotFound: the session has ended or the url is not an MCP endpoint",
        _ => $"HTTP {(int)status} {status}",
    };

    private static string DescribeExit(int? exitCode, IReadOnlyList<string>? sdkTail, StderrTail? stderr)
    {
        var code = exitCode is { } c ? $"the process exited with code {c}" : "the process exited";
        var tail = stderr?.Last() ?? (sdkTail is { Count: > 0 } ? string.Join(" | ", sdkTail.TakeLast(3)) : null);
        return tail is null ? code : $"{code} (stderr: {tail})";
    }
}
