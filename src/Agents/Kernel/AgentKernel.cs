using Tributary.Agents.Runs;

namespace Tributary.Agents.Kernel;

/// <summary>The kernel of one run, with what it could not have.</summary>
/// <param name="Kernel">The kernel: the chat service, a <c>gitlab</c> plugin and one plugin per reachable MCP server.</param>
/// <param name="Filter">The filter that traces, bounds and counts every tool call of the run.</param>
/// <param name="MissingServers">The MCP servers whose tools the run lacks, and why.</param>
/// <param name="Notices">Other things the run's output should mention (unknown tool names).</param>
internal sealed record AgentKernel(
    Microsoft.SemanticKernel.Kernel Kernel,
    ToolCallFilter Filter,
    IReadOnlyList<MissingServer> MissingServers,
    IReadOnlyList<string> Notices);
