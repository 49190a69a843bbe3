using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

internal sealed partial class McpServerConnection
{
    /// <summary>How often a session with subscriptions is pinged, so a server that went away is noticed and reconnected.</summary>
    internal static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(30);

    // Subscribed URIs and how many subscribers each has; sent again on every new session, which starts with none.
    private readonly Dictionary<string, int> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _subscriptionGate = new();

    /// <summary>
    /// Subscribes to updates of <paramref name="uri"/> (<c>notifications/resources/updated</c> then comes through
    /// <see cref="NotificationReceived"/>). Each subscriber's request goes to the server, which treats a repeated
    /// subscription as one; the server is told to stop only when the last subscriber unsubscribed.
    /// </summary>
    public async Task SubscribeAsync(string uri, CancellationToken cancellationToken)
    {
        await InvokeAsync(RequestMethods.ResourcesSubscribe, uri, (client, token) => SendSubscribeAsync(client, uri, token), cancellationToken);
        lock (_subscriptionGate)
        {
            _subscriptions[uri] = _subscriptions.GetValueOrDefault(uri) + 1;
        }
    }

    /// <summary>
    /// Drops one subscriber of <paramref name="uri"/>; the last one's unsubscription goes to the server. A server
    /// that cannot be reached has no subscription left to end: that is not an error.
    /// </summary>
    public async Task UnsubscribeAsync(string uri, CancellationToken cancellationToken)
    {
        if (DropSubscriber(uri))
        {
            await SendUnsubscribeAsync(uri, cancellationToken);
        }
    }

    /// <summary>
    /// Drops one subscriber of <paramref name="uri"/> at once, as <see cref="UnsubscribeAsync"/> does, but tells the server
    /// in the background, which this connection owns and its disposal awaits: for callers that cannot wait.
    /// </summary>
    public void DropSubscription(string uri)
    {
        if (DropSubscriber(uri))
        {
            _background.Start("unsubscription", token => SendUnsubscribeAsync(uri, token));
        }
    }

    /// <summary>
    /// Takes over <paramref name="predecessor"/>'s subscribers (a reload replaced it with this connection), so they keep
    /// getting updates: they are sent to the server on this connection's first session, like after any reconnect.
    /// </summary>
    public void InheritSubscriptions(McpServerConnection predecessor)
    {
        KeyValuePair<string, int>[] inherited;
        lock (predecessor._subscriptionGate)
        {
            inherited = [.. predecessor._subscriptions];
        }

        lock (_subscriptionGate)
        {
            foreach (var (uri, count) in inherited)
            {
                _subscriptions[uri] = _subscriptions.GetValueOrDefault(uri) + count;
            }
        }
    }

    /// <summary>Whether <paramref name="uri"/> lost its last subscriber (the server should be told).</summary>
    private bool DropSubscriber(string uri)
    {
        lock (_subscriptionGate)
        {
            if (!_subscriptions.TryGetValue(uri, out var count))
            {
                return false;
            }

            if (count > 1)
            {
                _subscriptions[uri] = count - 1;
                return false;
            }

            _subscriptions.Remove(uri);
            return true;
        }
    }

    private async Task SendUnsubscribeAsync(string uri, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is null)
        {
            return;
        }

        try
        {
            await InvokeAsync(
                RequestMethods.ResourcesUnsubscribe,
                uri,
                async (client, token) =>
                {
                    await client.UnsubscribeFromResourceAsync(uri, cancellationToken: token);
                    return true;
                },
                cancellationToken);
        }
        catch (UpstreamException e)
        {
            LogUnsubscribeFailed(Name, uri, e.Message);
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile: the session and its subscriptions are gone with it.
        }
    }

    /// <summary>Whether anyone is subscribed to one of the server's resources.</summary>
    public bool HasSubscriptions
    {
        get
        {
            lock (_subscriptionGate)
            {
                return _subscriptions.Count > 0;
            }
        }
    }

    private async Task<bool> SendSubscribeAsync(McpClient client, string uri, CancellationToken cancellationToken)
    {
        if (client.ServerCapabilities.Resources?.Subscribe != true)
        {
            throw new UpstreamException(Name, UpstreamFailureKind.NotSupported, $"server '{Name}' does not offer resource subscriptions (it did not declare resources.subscribe)");
        }

        await client.SubscribeToResourceAsync(uri, cancellationToken: cancellationToken);
        return true;
    }

    // Updates come only over a live session, and an HTTP session can die unseen (nothing is in flight to fail):
    // while someone is subscribed, a ping now and then finds out, and ending the session reconnects it.
    private async Task KeepAliveAsync(UpstreamSession session, CancellationToken cancellationToken)
    {
        try
        {
            while (ReferenceEquals(Volatile.Read(ref _session), session))
            {
                await Task.Delay(KeepAliveInterval, _time, cancellationToken);
                if (HasSubscriptions && ReferenceEquals(Volatile.Read(ref _session), session) && !await IsAliveAsync(session, cancellationToken))
                {
                    EndSession(session, "it stopped answering pings");
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Shut down.
        }
    }

    // After a reconnect: the new session knows nothing of the old one's subscriptions. Each request is bounded by the
    // server's timeout, so a server that never answers one cannot hold the others (or this task) forever.
    private async Task ResubscribeAsync(UpstreamSession session, CancellationToken cancellationToken)
    {
        string[] uris;
        lock (_subscriptionGate)
        {
            uris = [.. _subscriptions.Keys];
        }

        foreach (var uri in uris)
        {
            using var timeout = new CancellationTokenSource(Config.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await SendSubscribeAsync(session.Client, uri, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                LogResubscribeFailed(Name, uri, $"no answer within {DurationText.Format(Config.Timeout)} (timeout)");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResubscribeFailed(Name, uri, session.Redactor.Redact(e.Message));
            }
        }
    }

    [LoggerMessage(1015, LogLevel.Warning, "Could not subscribe again to {Uri} on the new session of MCP server {ServerName}: {Reason}")]
    private partial void LogResubscribeFailed(string serverName, string uri, string reason);

    [LoggerMessage(1016, LogLevel.Debug, "Could not unsubscribe from {Uri} on MCP server {ServerName}: {Reason}")]
    private partial void LogUnsubscribeFailed(string serverName, string uri, string reason);
}
