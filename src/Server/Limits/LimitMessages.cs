using System.Globalization;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.Server.Limits;

/// <summary>The answers of requests refused at a limit: which limit, and how to stay under it or raise it.</summary>
internal static class LimitMessages
{
    /// <summary>A <c>/mcp</c> body over the limit (413).</summary>
    public static string McpBodyTooLarge(long maxBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"the request body is larger than {maxBytes} bytes ({SizeParser.Format(maxBytes)}), the most /mcp accepts; send less, or raise {LimitOptions.McpMaxBodyBytesVariable}");

    /// <summary>An agent run's body over the limit (413).</summary>
    public static string AgentsBodyTooLarge(long maxBytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"the request body is larger than {maxBytes} bytes ({SizeParser.Format(maxBytes)}), the most POST /agents/{{name}}/runs accepts; send a shorter prompt, or raise {LimitOptions.AgentsMaxBodyBytesVariable}");

    /// <summary>A new <c>/mcp</c> session beyond the limit (503).</summary>
    public static string TooManySessions(int maxSessions) => string.Create(
        CultureInfo.InvariantCulture,
        $"Tributary has {maxSessions} open MCP sessions, the most it keeps ({LimitOptions.MaxSessionsVariable}); try again later (see Retry-After), close sessions you no longer use, or raise {LimitOptions.MaxSessionsVariable}");

    /// <summary>A 2026-07-28 client's tool call beyond <see cref="LimitOptions.MaxSessions"/> running at once.</summary>
    public static string TooManyCallsWithoutSession(int maxCalls) => string.Create(
        CultureInfo.InvariantCulture,
        $"Tributary runs {maxCalls} tool calls of clients without a session (protocol 2026-07-28), the most it runs at once ({LimitOptions.MaxSessionsVariable}); try again later, or raise {LimitOptions.MaxSessionsVariable}");

    /// <summary>An agent run beyond the running and waiting limits (503).</summary>
    public static string TooManyRuns(int runs, int queue) => string.Create(
        CultureInfo.InvariantCulture,
        $"{runs} agent runs are running and {queue} are waiting, the most Tributary allows ({LimitOptions.AgentRunsVariable}, {LimitOptions.AgentRunQueueVariable}); try again later (see Retry-After), or raise them");

    /// <summary>The <c>/mcp</c> client did not answer an upstream's sampling or elicitation request in time.</summary>
    public static string RelayTimedOut(string serverName, string method, TimeSpan timeout) => string.Create(
        CultureInfo.InvariantCulture,
        $"the client of Tributary did not answer {method} from MCP server '{serverName}' within {(long)timeout.TotalSeconds} s ({LimitOptions.RelaySecondsVariable}), so Tributary gave up on it");
}
