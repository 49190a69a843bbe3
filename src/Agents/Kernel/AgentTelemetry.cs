using System.Diagnostics;

namespace Tributary.Agents.Kernel;

/// <summary>The OpenTelemetry source of agent runs and their tool calls.</summary>
public static class AgentTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name: runs (<c>invoke_agent</c>) and tool calls (<c>execute_tool</c>).</summary>
    public const string SourceName = "Tributary.Agents";

    /// <summary>The source.</summary>
    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>Tag: the agent's name.</summary>
    public const string AgentTag = "gen_ai.agent.name";

    /// <summary>Tag: the tool's name on its server.</summary>
    public const string ToolTag = "gen_ai.tool.name";

    /// <summary>Tag: the server that owns the tool (<c>gitlab</c> for the built-in tools), as upstream calls are tagged.</summary>
    public const string ServerTag = "mcp.server.name";
}
