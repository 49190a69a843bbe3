using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.Server.Mcp;

/// <summary>
/// Passes an upstream's progress notifications on to the <c>/mcp</c> client under the client's own token, one after
/// another in the order they came.
/// </summary>
internal sealed class ProgressForwarder(McpServer server, ProgressToken token) : IProgress<ProgressNotificationValue>
{
    private static readonly TimeSpan s_drainBound = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task _sent = Task.CompletedTask;

    /// <inheritdoc />
    public void Report(ProgressNotificationValue value)
    {
        lock (_gate)
        {
            _sent = SendAfterAsync(_sent, value);
        }
    }

    /// <summary>
    /// Waits until every reported tick has been sent (or could not be), so the call's result goes after them; bounded,
    /// since a client that stopped reading must not hold the result.
    /// </summary>
    public async Task DrainAsync()
    {
        Task sent;
        lock (_gate)
        {
            sent = _sent;
        }

        await sent.WaitAsync(s_drainBound).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SendAfterAsync(Task previous, ProgressNotificationValue value)
    {
        await previous;
        try
        {
            await server.NotifyProgressAsync(token, value);
        }
        catch (Exception)
        {
            // Progress is advisory: a notification that cannot be delivered (the client left) must not fail the call.
        }
    }
}
