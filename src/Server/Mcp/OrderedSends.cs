using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9005 // Logging is deprecated from 2026-07-28, but /mcp sessions speak 2025-11-25, where clients expect upstream logs.

namespace Tributary.Server.Mcp;

/// <summary>
/// Notifications to one client of <c>/mcp</c>, sent one after another in the order they were queued. They are
/// advisory (progress, logs): one that cannot be delivered, because the client left, is dropped without failing anything.
/// </summary>
internal sealed class OrderedSends
{
    private static readonly TimeSpan s_drainBound = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task _sent = Task.CompletedTask;

    /// <summary>Queues <paramref name="send"/> behind everything queued before it; returns at once.</summary>
    public void Queue(Func<Task> send)
    {
        lock (_gate)
        {
            _sent = SendAfterAsync(_sent, send);
        }
    }

    /// <summary>Queues <paramref name="message"/> for <paramref name="server"/>, behind what came before it.</summary>
    public void QueueLog(McpServer server, LoggingMessageNotificationParams message) =>
        Queue(() => server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, message, McpJsonUtilities.DefaultOptions));

    /// <summary>
    /// Waits until everything queued so far has been sent (or could not be), so what goes next follows it; bounded,
    /// since a client that stopped reading must not hold up what waits.
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

    private static async Task SendAfterAsync(Task previous, Func<Task> send)
    {
        await previous;
        try
        {
            await send();
        }
        catch (Exception)
        {
            // Advisory: see the class remarks.
        }
    }
}
