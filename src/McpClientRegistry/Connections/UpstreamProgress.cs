using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Hands an upstream's <c>notifications/progress</c> to the call that asked for them, as its session reads them.
/// </summary>
/// <remarks>
/// The SDK client handles each incoming message on a task of its own, so a call's result can be handled before the
/// progress that came ahead of it, and the SDK drops a tick that arrives after the call returned: a proxy would lose
/// and reorder ticks sent just before a result. Reading them here, in the order the session reads its messages,
/// reports every tick before the result that followed it. Tokens are fresh GUIDs minted per call, so one table
/// serves every session; it holds only calls in flight.
/// </remarks>
internal static class UpstreamProgress
{
    private static readonly ConcurrentDictionary<string, IProgress<ProgressNotificationValue>> s_calls = new(StringComparer.Ordinal);

    /// <summary>Routes the progress for <see cref="Route.Token"/> to <paramref name="progress"/> until disposed.</summary>
    public static Route Register(IProgress<ProgressNotificationValue> progress)
    {
        var token = Guid.NewGuid().ToString("N");
        s_calls[token] = progress;
        return new Route(token);
    }

    /// <summary>Reports a <c>notifications/progress</c>'s <paramref name="parameters"/> to its call when its token is registered.</summary>
    public static void Observe(JsonObject parameters)
    {
        if (parameters["progressToken"] is JsonValue token
            && token.TryGetValue<string>(out var key)
            && s_calls.TryGetValue(key, out var progress)
            && parameters.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams))) is ProgressNotificationParams notification)
        {
            try
            {
                progress.Report(notification.Progress);
            }
            catch (Exception)
            {
                // Progress is advisory, and this runs in the session's read loop: a failing handler must not end it.
            }
        }
    }

    /// <summary>One call's registration: its token, for the request's <c>_meta</c>.</summary>
    public readonly struct Route(string token) : IDisposable
    {
        /// <summary>The progress token to send with the request.</summary>
        public ProgressToken Token => new(token);

        /// <inheritdoc />
        public void Dispose() => s_calls.TryRemove(token, out _);
    }
}
