using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Connections;

internal sealed partial class McpServerConnection
{
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private int _refreshPending;
    private int _restartPending;
    private int _quickExits;

    /// <summary>This connection's background work (what runs now is what its disposal will wait for).</summary>
    internal BackgroundWork Background => _background;

    private async Task WatchAsync(UpstreamSession session)
    {
        string reason;
        try
        {
            var details = await session.Client.Completion;
            reason = FailureDescription.Describe(new ClientTransportClosedException(details), _stderr);
        }
        catch (Exception e)
        {
            reason = FailureDescription.Describe(e, _stderr);
        }

        EndSession(session, session.Redactor.Redact(reason));
    }

    /// <summary>Retires <paramref name="session"/> if it is still the live one: health, listing, and for stdio a restart.</summary>
    private void EndSession(UpstreamSession session, string reason)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_session, session) || _isDisposed)
            {
                return;
            }

            _session = null;
        }

        UpdateHealth(h => h with { State = ServerState.Failed, LastError = reason, LastCheck = _time.GetUtcNow(), ToolCount = 0 });
        LogSessionEnded(Name, reason);
        _background.Start("close", _ => CloseQuietlyAsync(session));
        // A stdio server is Tributary's own child to restart; any server with subscriptions has clients waiting for
        // its updates, which only a live session brings.
        if (Config.Transport == McpTransportKind.Stdio || HasSubscriptions)
        {
            ScheduleRestart(session.ConnectedAt);
        }

        ListingChanged?.Invoke(this);
    }

    /// <summary>
    /// Reconnects a server whose session ended (a stdio server is started again) after a pause that grows while it
    /// keeps dying young. The first pause shows in the health at once, before anyone hears the session ended.
    /// </summary>
    private void ScheduleRestart(DateTimeOffset startedAt)
    {
        if (Interlocked.Exchange(ref _restartPending, 1) == 1)
        {
            return;
        }

        // A server that ran for a while before exiting starts the backoff over.
        _quickExits = _time.GetUtcNow() - startedAt > StableAfter ? 0 : _quickExits;
        var delay = ReconnectPolicy.BreakAfter(_quickExits++);
        ShowNextAttempt(delay);
        _background.Start("restart", token => RestartAsync(delay, token));
    }

    private async Task RestartAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(delay, _time, cancellationToken);
                try
                {
                    await GetSessionAsync(cancellationToken);
                    return;
                }
                catch (UpstreamException e) when (e.Kind is UpstreamFailureKind.Unavailable or UpstreamFailureKind.Timeout)
                {
                    var next = Health.NextAttempt is { } at ? at - _time.GetUtcNow() : TimeSpan.Zero;
                    delay = next > ReconnectPolicy.FirstBreak ? next : ReconnectPolicy.FirstBreak;
                    ShowNextAttempt(delay);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or UpstreamException)
        {
            // Shut down, disabled or not configured: nothing to supervise.
        }
        finally
        {
            Volatile.Write(ref _restartPending, 0);
        }
    }

    private void ShowNextAttempt(TimeSpan delay)
    {
        UpdateHealth(h => h with { NextAttempt = _time.GetUtcNow() + delay });
        LogRestarting(Name, DurationText.Format(delay));
    }

    private async ValueTask OnNotificationAsync(JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Method is NotificationMethods.ToolListChangedNotification
            or NotificationMethods.ResourceListChangedNotification
            or NotificationMethods.PromptListChangedNotification)
        {
            // Coalesced: a burst of changes while a refresh is queued costs one more listing, not one each.
            if (Interlocked.Exchange(ref _refreshPending, 1) == 0)
            {
                _background.Start("list refresh", RefreshListingAsync);
            }

            return;
        }

        if (NotificationReceived is { } handler)
        {
            await handler(this, notification, cancellationToken);
        }
    }

    private async Task RefreshListingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _listLock.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _refreshPending, 0);
            if (Volatile.Read(ref _session) is not { } session)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Config.Timeout);
            session.Listing = await ServerListing.FetchAsync(session.Client, Config.Tools, timeout.Token);
            UpdateHealth(h => h with { ToolCount = session.Listing.Tools.Count });
            LogListingRefreshed(Name, session.Listing.Tools.Count);
            ListingChanged?.Invoke(this);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogListingRefreshFailed(Name, FailureDescription.Describe(e, _stderr));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            _listLock.Release();
        }
    }

    private void OnStderrLine(string line)
    {
        _stderr.Add(line);
        LogStderr(Name, line);
    }

    private async Task CloseQuietlyAsync(UpstreamSession session)
    {
        try
        {
            await session.DisposeAsync();
        }
        catch (Exception e)
        {
            LogCloseFailed(Name, FailureDescription.Describe(e));
        }
    }
}
