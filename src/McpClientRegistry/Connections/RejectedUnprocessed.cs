using ModelContextProtocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Marks a JSON-RPC error that the server gave instead of taking the request at all (over streamable HTTP, a
/// <c>400</c> to the POST carrying a JSON-RPC error body, e.g. "No valid session ID provided" after a restart),
/// as opposed to an error the request's handler answered, which may follow side effects. Only the transport can
/// tell them apart (the first is thrown while sending, the second arrives as the request's response), and the SDK
/// gives both the same type, so the transport marks the exception and rethrows it unchanged (the SDK's own
/// connect-time fallback still sees the type it expects).
/// </summary>
internal static class RejectedUnprocessed
{
    private const string Key = "Tributary.RejectedUnprocessed";

    /// <summary>Marks <paramref name="exception"/>, thrown while sending a request, as a rejection before processing.</summary>
    public static void Mark(McpProtocolException exception) => exception.Data[Key] = true;

    /// <summary>Whether <paramref name="exception"/> was marked by <see cref="Mark"/>.</summary>
    public static bool Is(McpProtocolException exception) => exception.Data[Key] is true;
}
