using Tributary.Agents.Runs;

namespace Tributary.Server.Cli;

/// <summary>The short account printed after an agent's answer: tools called, servers missing, notices.</summary>
internal static class AgentRunText
{
    /// <summary>Writes the account of <paramref name="result"/>.</summary>
    public static void Write(TextWriter writer, AgentRunResult result)
    {
        writer.WriteLine($"agent {result.Agent} on model {result.Model}: {Plural.Of(result.ToolCalls.Count, "tool call")}{(result.ToolLimitReached ? " (max_tool_calls reached)" : string.Empty)}{(result.TimedOut ? " (timed out)" : string.Empty)}");
        TextTable.Write(writer, [.. result.ToolCalls.Select(call => (IReadOnlyList<string>)[$"{call.Server}/{call.Tool}", Outcome(call.Outcome), call.Detail])], "  ");
        foreach (var missing in result.MissingServers)
        {
            writer.WriteLine($"missing MCP server {missing.Name}: {missing.Reason}");
        }

        foreach (string notice in result.Notices)
        {
            writer.WriteLine($"note: {notice}");
        }
    }

    private static string Outcome(ToolCallOutcome outcome) => outcome switch
    {
        ToolCallOutcome.Succeeded => "ok",
        ToolCallOutcome.Failed => "failed",
        _ => "not run",
    };
}
