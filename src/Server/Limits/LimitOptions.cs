using System.Globalization;

namespace Tributary.Server.Limits;

/// <summary>
/// The host's limits on what clients send and how many run at once, read once at start-up from the
/// <c>TRIBUTARY_*</c> variables below (an unset one keeps its default) and checked by <see cref="LimitOptionsValidator"/>.
/// </summary>
internal sealed class LimitOptions
{
    /// <summary>The variable setting <see cref="McpMaxBodyBytes"/>.</summary>
    public const string McpMaxBodyBytesVariable = "TRIBUTARY_MCP_MAX_BODY_BYTES";

    /// <summary>The variable setting <see cref="AgentsMaxBodyBytes"/>.</summary>
    public const string AgentsMaxBodyBytesVariable = "TRIBUTARY_AGENTS_MAX_BODY_BYTES";

    /// <summary>The variable setting <see cref="MaxSessions"/>.</summary>
    public const string MaxSessionsVariable = "TRIBUTARY_MCP_MAX_SESSIONS";

    /// <summary>The variable setting <see cref="SessionIdleTimeout"/>, in seconds.</summary>
    public const string SessionIdleSecondsVariable = "TRIBUTARY_MCP_SESSION_IDLE_SECONDS";

    /// <summary>The variable setting <see cref="AgentRuns"/>.</summary>
    public const string AgentRunsVariable = "TRIBUTARY_AGENT_RUNS";

    /// <summary>The variable setting <see cref="AgentRunQueue"/>.</summary>
    public const string AgentRunQueueVariable = "TRIBUTARY_AGENT_RUN_QUEUE";

    /// <summary>The variable setting <see cref="RelayTimeout"/>, in seconds.</summary>
    public const string RelaySecondsVariable = "TRIBUTARY_RELAY_TIMEOUT_SECONDS";

    /// <summary>The largest request body <c>/mcp</c> accepts; a larger one answers 413.</summary>
    public long McpMaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest request body <c>POST /agents/{name}/runs</c> accepts; a larger one answers 413.</summary>
    public long AgentsMaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How many <c>/mcp</c> sessions may be open at once; a new one beyond it answers 503.</summary>
    public int MaxSessions { get; set; } = 256;

    /// <summary>How long an <c>/mcp</c> session may go without a request before it is closed.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many agent runs (<c>POST /agents/{name}/runs</c>) run at once.</summary>
    public int AgentRuns { get; set; } = 4;

    /// <summary>How many agent runs may wait for one of <see cref="AgentRuns"/>; beyond it a run answers 503.</summary>
    public int AgentRunQueue { get; set; } = 16;

    /// <summary>How long an upstream's sampling or elicitation request waits for the <c>/mcp</c> client's answer.</summary>
    public TimeSpan RelayTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>What <c>Retry-After</c> says when sessions or agent runs are at their limit.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unparsable values of the variables, reported by <see cref="LimitOptionsValidator"/>.</summary>
    internal List<string> VariableErrors { get; } = [];

    /// <summary>Reads the variables through <paramref name="readVariable"/>; an unset one keeps its default.</summary>
    public void Read(Func<string, string?> readVariable)
    {
        ArgumentNullException.ThrowIfNull(readVariable);
        McpMaxBodyBytes = ReadNumber(readVariable, McpMaxBodyBytesVariable, McpMaxBodyBytes, long.MaxValue);
        AgentsMaxBodyBytes = ReadNumber(readVariable, AgentsMaxBodyBytesVariable, AgentsMaxBodyBytes, long.MaxValue);
        MaxSessions = (int)ReadNumber(readVariable, MaxSessionsVariable, MaxSessions, int.MaxValue);
        SessionIdleTimeout = TimeSpan.FromSeconds(ReadNumber(readVariable, SessionIdleSecondsVariable, (long)SessionIdleTimeout.TotalSeconds, int.MaxValue));
        AgentRuns = (int)ReadNumber(readVariable, AgentRunsVariable, AgentRuns, int.MaxValue);
        AgentRunQueue = (int)ReadNumber(readVariable, AgentRunQueueVariable, AgentRunQueue, int.MaxValue);
        RelayTimeout = TimeSpan.FromSeconds(ReadNumber(readVariable, RelaySecondsVariable, (long)RelayTimeout.TotalSeconds, int.MaxValue));
    }

    private long ReadNumber(Func<string, string?> readVariable, string name, long fallback, long max)
    {
        if (readVariable(name) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max)
        {
            return value;
        }

        VariableErrors.Add($"{name} is '{text}', not a whole number; set it to a whole number such as {fallback.ToString(CultureInfo.InvariantCulture)}, or unset it");
        return fallback;
    }
}
