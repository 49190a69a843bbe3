using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// The subscribable resource <see cref="Uri"/> of a <see cref="TestMcpServer"/>: records every subscribe and
/// unsubscribe it receives, and sends <c>notifications/resources/updated</c> to the subscribed sessions on demand.
/// </summary>
public sealed class WatchedResource
{
    /// <summary>The resource's URI.</summary>
    public const string Uri = "test://watched";

    private readonly ConcurrentDictionary<string, McpServer> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _subscribed = new(StringComparer.Ordinal);
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>();

    internal WatchedResource() =>
        Resource = McpServerResource.Create(() => "watched", new McpServerResourceCreateOptions { UriTemplate = Uri, Name = "watched", MimeType = "text/plain" });

    /// <summary>The requests received, in order: <c>subscribe URI</c> or <c>unsubscribe URI</c>.</summary>
    public ChannelReader<string> Requests => _requests.Reader;

    internal McpServerResource Resource { get; }

    /// <summary>Sends <c>notifications/resources/updated</c> for <see cref="Uri"/> to every subscribed session.</summary>
    public async Task UpdateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _subscribed.Keys)
        {
            if (_sessions.TryGetValue(id, out var session))
            {
                await session.SendNotificationAsync(
                    NotificationMethods.ResourceUpdatedNotification,
                    new ResourceUpdatedNotificationParams { Uri = Uri },
                    McpJsonUtilities.DefaultOptions,
                    cancellationToken);
            }
        }
    }

    internal async Task RunSessionAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        var id = server.SessionId!;
        _sessions[id] = server;
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            _sessions.TryRemove(id, out _);
            _subscribed.TryRemove(id, out _);
        }
    }

    internal ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        _requests.Writer.TryWrite($"subscribe {request.Params?.Uri}");
        if (request.Params?.Uri == Uri && request.Server.SessionId is { } id)
        {
            _subscribed[id] = 0;
        }

        return ValueTask.FromResult(new EmptyResult());
    }

    internal ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> request, CancellationToken cancellationToken)
    {
        _requests.Writer.TryWrite($"unsubscribe {request.Params?.Uri}");
        if (request.Server.SessionId is { } id)
        {
            _subscribed.TryRemove(id, out _);
        }

        return ValueTask.FromResult(new EmptyResult());
    }
}
