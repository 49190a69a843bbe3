using ModelContextProtocol;
using ModelContextProtocol.Protocol;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but the sessions speak 2025-11-25 (pinned), where servers log and clients expect it forwarded.

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// What one call carries from its caller to the upstream and back: where the upstream's progress and log messages
/// about this call go, and who answers the sampling and elicitation requests it sends while working on it.
/// Nothing about a call is looked up anywhere else.
/// </summary>
public sealed class CallContext
{
    /// <summary>A call whose caller wants nothing back but the result (an agent's tool call).</summary>
    public static CallContext None { get; } = new();

    /// <summary>Where the upstream's progress for this call goes, or <see langword="null"/> when the caller asked for none.</summary>
    public IProgress<ProgressNotificationValue>? Progress { get; init; }

    /// <summary>Where the upstream's log messages about this call go, or <see langword="null"/> (then they go to Tributary's log).</summary>
    public Action<LoggingMessageNotificationParams>? Log { get; init; }

    /// <summary>Who answers the upstream's sampling and elicitation requests for this call, or <see langword="null"/> (then they fail).</summary>
    public IUpstreamRequestRelay? Requests { get; init; }
}
