using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>
/// <c>resources/subscribe</c> and <c>resources/unsubscribe</c> of <c>/mcp</c> sessions, passed on to the server that
/// owns each URI (once per session and URI; the upstream is told to stop when no session wants it any more, and
/// subscribed again after it reconnects), and its <c>notifications/resources/updated</c> passed back to the sessions
/// subscribed to that URI. A session that ends drops its subscriptions.
/// </summary>
internal sealed partial class ResourceSubscriptions : IDisposable
{
    private readonly McpCatalog _catalog;
    private readonly McpConnectionManager _manager;
    private readonly DownstreamSessions _sessions;
    private readonly ILogger _logger;

    // Session id → (URI → the server it was subscribed on).
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _bySession = new(StringComparer.Ordinal);

    /// <summary>Starts following the sessions' ends and the upstreams' resource updates.</summary>
    public ResourceSubscriptions(McpCatalog catalog, McpConnectionManager manager, DownstreamSessions sessions, ILogger<ResourceSubscriptions> logger)
    {
        _catalog = catalog;
        _manager = manager;
        _sessions = sessions;
        _logger = logger;
        _manager.NotificationReceived += OnNotificationAsync;
        _sessions.Ended += OnSessionEnded;
    }

    /// <summary>Subscribes the session to the URI's updates; an unknown URI or a server without subscriptions is an error saying so.</summary>
    public async ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/subscribe needs a uri", McpErrorCode.InvalidParams);

        var sessionId = _sessions.Find(request.Server.SessionId)?.Id
            ?? throw new McpException("resources/subscribe needs a stateful session of /mcp: updates are sent on the session's GET stream");
        var subscriptions = _bySession.GetOrAdd(sessionId, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (subscriptions.ContainsKey(uri))
        {
            return new EmptyResult();
        }

        string server;
        try
        {
            server = await _catalog.SubscribeAsync(uri, cancellationToken);
        }
        catch (UpstreamException e)
        {
            throw UpstreamErrors.ToMcp(e, McpErrorCode.ResourceNotFound);
        }

        if (!subscriptions.TryAdd(uri, server) || _sessions.Find(sessionId) is null)
        {
            // A concurrent subscribe of the same URI won, or the session ended meanwhile: this one is not needed.
            subscriptions.TryRemove(KeyValuePair.Create(uri, server));
            await _catalog.UnsubscribeAsync(server, uri, CancellationToken.None);
        }

        return new EmptyResult();
    }

    /// <summary>Ends the session's subscription to the URI, if it had one.</summary>
    public async ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/unsubscribe needs a uri", McpErrorCode.InvalidParams);
        if (request.Server.SessionId is { } sessionId
            && _bySession.TryGetValue(sessionId, out var subscriptions)
            && subscriptions.TryRemove(uri, out var server))
        {
            await _catalog.UnsubscribeAsync(server, uri, cancellationToken);
        }

        return new EmptyResult();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _manager.NotificationReceived -= OnNotificationAsync;
        _sessions.Ended -= OnSessionEnded;
    }

    private void OnSessionEnded(string sessionId)
    {
        if (_bySession.TryRemove(sessionId, out var subscriptions))
        {
            // Only an upstream keeps a subscription to end (built-in sources, the GitLab toolkit, keep none), and its
            // connection tells it in the background it owns and awaits when the host stops: the session's end, on the
            // SDK's session loop, need not wait for an upstream's answer.
            foreach (var (uri, server) in subscriptions)
            {
                _manager.DropSubscription(server, uri);
            }
        }
    }

    private async ValueTask OnNotificationAsync(string serverName, JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Method != NotificationMethods.ResourceUpdatedNotification
            || notification.Params?.Deserialize<ResourceUpdatedNotificationParams>(McpJsonUtilities.DefaultOptions) is not { } updated)
        {
            return;
        }

        var recipients = _bySession
            .Where(s => s.Value.TryGetValue(updated.Uri, out var server) && server == serverName)
            .Select(s => _sessions.Find(s.Key))
            .OfType<ForwardingSession>()
            .ToArray();
        LogUpdate(serverName, updated.Uri, recipients.Length);
        await Task.WhenAll(recipients.Select(s => SendAsync(s, updated, cancellationToken)));
    }

    private async Task SendAsync(ForwardingSession session, ResourceUpdatedNotificationParams updated, CancellationToken cancellationToken)
    {
        try
        {
            await session.Server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, updated, McpJsonUtilities.DefaultOptions, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Advisory, like every notification: a session that just left must not disturb the upstream's message loop.
            LogSendFailed(session.Id, updated.Uri, e.Message);
        }
    }

    [LoggerMessage(3201, LogLevel.Debug, "Resource {Uri} of MCP server {ServerName} updated: told {Recipients} sessions")]
    private partial void LogUpdate(string serverName, string uri, int recipients);

    [LoggerMessage(3202, LogLevel.Debug, "Could not tell session {SessionId} that {Uri} was updated: {Reason}")]
    private partial void LogSendFailed(string sessionId, string uri, string reason);
}
