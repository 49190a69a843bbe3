using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Tributary.Agents.Kernel;

/// <summary>The OpenTelemetry source and meter of agent runs, their tool calls, reviews and chat answers.</summary>
public static class AgentTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name: runs (<c>invoke_agent</c>), tool calls (<c>execute_tool</c>), reviews.</summary>
    public const string SourceName = "Tributary.Agents";

    /// <summary>Tag: the agent's name.</summary>
    public const string AgentTag = "gen_ai.agent.name";

    /// <summary>Tag: the tool's name on its server.</summary>
    public const string ToolTag = "gen_ai.tool.name";

    /// <summary>Tag: the server that owns the tool (<c>gitlab</c> for the built-in tools), as upstream calls are tagged.</summary>
    public const string ServerTag = "mcp.server.name";

    /// <summary>The source.</summary>
    internal static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter s_meter = new(SourceName);

    /// <summary>Reviews by <c>outcome</c> (posted, dry_run, nothing_new, skipped, failed).</summary>
    internal static readonly Counter<long> Reviews = s_meter.CreateCounter<long>("tributary.reviews", description: "Merge request reviews, by outcome");

    /// <summary>Findings by <c>placement</c> (inline, summary, already_posted).</summary>
    internal static readonly Counter<long> Findings = s_meter.CreateCounter<long>("tributary.review.findings", description: "Review findings, by where they were posted");

    /// <summary>Model tokens by <c>gen_ai.token.type</c> (input, output) and agent.</summary>
    internal static readonly Counter<long> Tokens = s_meter.CreateCounter<long>("tributary.agent.tokens", unit: "{token}", description: "Tokens the models reported");

    /// <summary>Tag: input tokens the model reported for a run, on <c>invoke_agent</c> (OpenTelemetry GenAI conventions).</summary>
    internal const string InputTokensTag = "gen_ai.usage.input_tokens";

    /// <summary>Tag: output tokens the model reported for a run, on <c>invoke_agent</c>.</summary>
    internal const string OutputTokensTag = "gen_ai.usage.output_tokens";

    /// <summary>An enum value as attribute values are written: lower snake case (<c>DryRun</c> is <c>dry_run</c>).</summary>
    internal static string TagValue<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>
    /// Makes <paramref name="caller"/> the current activity again inside a <c>HybridCache</c> factory, which runs without
    /// the caller's execution context (its stampede protection queues the factory on the thread pool), so the GitLab
    /// requests it makes stay in the caller's trace instead of starting traces of their own.
    /// </summary>
    internal static void Continue(Activity? caller)
    {
        if (Activity.Current is null && caller is not null)
        {
            Activity.Current = caller;
        }
    }
}
