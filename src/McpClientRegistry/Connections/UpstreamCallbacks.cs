using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>What a new upstream client reports back to the connection that owns it.</summary>
/// <param name="OnNotification">Called for every notification the server sends.</param>
/// <param name="OnStderrLine">Called for every line a stdio server writes to standard error.</param>
/// <param name="Relay">Where the server's sampling and elicitation requests go, or <see langword="null"/> (then they fail).</param>
internal sealed record UpstreamCallbacks(
    Func<JsonRpcNotification, CancellationToken, ValueTask> OnNotification,
    Action<string> OnStderrLine,
    Func<IUpstreamRequestRelay?>? Relay = null);
