using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>Passes an upstream's progress notifications on to the <c>/mcp</c> client under the client's own token.</summary>
internal sealed class ProgressForwarder(McpServer server, ProgressToken token) : IProgress<ProgressNotificationValue>
{
    /// <inheritdoc />
    public void Report(ProgressNotificationValue value) =>
        // Progress is advisory: a notification that cannot be delivered (the client left) must not fail the call.
        _ = server.NotifyProgressAsync(token, value).ContinueWith(
            static t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
