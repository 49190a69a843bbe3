using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Authorization;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Builds the SDK transport a server's configuration asks for and connects a client over it.
/// A streamable HTTP server gets the newest revision it supports: 2026-07-28 (<c>server/discover</c>, no session, so
/// it can restart between calls unnoticed) when it offers it, else the <c>initialize</c> handshake. Stdio and legacy
/// SSE sessions are pinned to 2025-11-25, which every current server speaks and which keeps what an aggregator needs
/// there: list_changed notifications, logging, ping and resource subscriptions.
/// </summary>
/// <remarks>
/// Every transport reads what the server sends within the server's <c>max_message_size</c>: stdio through
/// <see cref="BoundedStdioClientTransport"/>, HTTP through a <see cref="MessageSizeLimitHandler"/> in front of
/// <paramref name="httpHandler"/>, which all servers share. Tool calls to a streamable HTTP server bypass the SDK client
/// (<see cref="StreamableHttpToolCalls"/>), so what comes on a call's own response is known to be that call's.
/// </remarks>
internal sealed class UpstreamClientFactory(HttpMessageHandler httpHandler, ILoggerFactory loggerFactory, UpstreamAuthorization authorization) : IUpstreamClientFactory
{
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(1);

    private static readonly string[] ForwardedNotifications =
    [
        NotificationMethods.ToolListChangedNotification,
        NotificationMethods.ResourceListChangedNotification,
        NotificationMethods.PromptListChangedNotification,
        NotificationMethods.ResourceUpdatedNotification,

        // Log messages are not here: the transport hands them on in the order they are read (CancelRelayTransport).
    ];

    private static readonly Implementation ClientInfo = new()
    {
        Name = "tributary",
        Version = typeof(UpstreamClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
    };

    public async Task<UpstreamClient> CreateAsync(McpServerConfig server, ResolvedEndpoint endpoint, UpstreamCallbacks callbacks, CancellationToken cancellationToken)
    {
        // The SDK logs the command line it starts, stderr lines and exceptions with stderr tails: all may hold secrets.
        if (server.AuthType == McpAuthKind.OAuth && server.Grant == OAuthGrant.ClientCredentials)
        {
            endpoint = await WithClientCredentialsAsync(server, endpoint, cancellationToken);
        }

        var logs = RedactingLoggerFactory.Wrap(loggerFactory, SecretRedactor.For(endpoint));

        // The SDK's OAuth client holds the token inside its transport, so calls go through the SDK client as well.
        bool sdkOAuth = server.AuthType == McpAuthKind.OAuth && server.Grant == OAuthGrant.AuthorizationCode;
        var streamable = server.Transport == McpTransportKind.StreamableHttp;
        var (client, transport, options) = await ConnectAsync(server, endpoint, callbacks, logs, streamable ? null : ProtocolRevisions.November2025, cancellationToken);
        if (!streamable || sdkOAuth || transport.Connected is not { } session)
        {
            return new UpstreamClient(client, null);
        }

        // Tool calls go out on their own client over the same shared handler. The SDK has filled in the capabilities
        // its handlers declare, which a 2026-07-28 server is told with every call.
        var http = new HttpClient(Bounded(server), disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var envelope = PerRequestEnvelope.For(client.NegotiatedProtocolVersion, ClientInfo, options.Capabilities);
        return new UpstreamClient(client, new StreamableHttpToolCalls(server.Name, callbacks.Calls, http, endpoint.Url!, endpoint.Headers, client, session, envelope));
    }

    private async Task<ResolvedEndpoint> WithClientCredentialsAsync(McpServerConfig server, ResolvedEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(Bounded(server), disposeHandler: false);
        try
        {
            string token = await ClientCredentialsGrant.GetTokenAsync(http, server, endpoint, cancellationToken);
            authorization.RecordSuccess(server.Name);
            var headers = new Dictionary<string, string>(endpoint.Headers, StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + token };
            return endpoint with { Headers = headers, Secrets = [.. endpoint.Secrets, token] };
        }
        catch (LoginRequiredException)
        {
            authorization.RecordFailure(server.Name, "client credentials refused");
            throw;
        }
    }

    // protocolVersion null negotiates the newest revision (2026-07-28 first, then initialize); a revision pins the
    // initialize handshake to it, which the SDK holds the server to.
    private async Task<(McpClient Client, CancelRelayClientTransport Transport, McpClientOptions Options)> ConnectAsync(
        McpServerConfig server, ResolvedEndpoint endpoint, UpstreamCallbacks callbacks, ILoggerFactory logs, string? protocolVersion, CancellationToken cancellationToken)
    {
        var streamable = server.Transport == McpTransportKind.StreamableHttp;
        var transport = new CancelRelayClientTransport(CreateTransport(server, endpoint, callbacks, logs), server.Name, callbacks.Calls, callbacks.OnLog, logs.CreateLogger<CancelRelayTransport>(), injectable: streamable);
        var options = CreateOptions(server, callbacks, protocolVersion);
        try
        {
            return (await McpClient.CreateAsync(transport, options, logs, cancellationToken), transport, options);
        }
        catch (JsonException) when (protocolVersion is null)
        {
            // A server that answers server/discover with something that is no discover result (some answer any method
            // with {}) predates 2026-07-28: it gets the initialize handshake on a fresh connection.
            return await ConnectAsync(server, endpoint, callbacks, logs, ProtocolRevisions.November2025, cancellationToken);
        }
        catch (McpException e) when (protocolVersion is not null && ProtocolRevisions.OlderAnswered(e.Message, protocolVersion) is { } older)
        {
            // A server that only speaks an older revision answers initialize with it: accepted, on a fresh connection.
            return await ConnectAsync(server, endpoint, callbacks, logs, older, cancellationToken);
        }
    }

    /// <summary>
    /// The client options every upstream session uses, whatever its transport: the initialize handshake pinned to
    /// <paramref name="protocolVersion"/> (2025-11-25 unless given), or with <see langword="null"/> the newest revision
    /// the server supports (2026-07-28 first, then initialize).
    /// </summary>
    internal static McpClientOptions CreateOptions(McpServerConfig server, UpstreamCallbacks callbacks, string? protocolVersion = ProtocolRevisions.November2025) => new()
    {
        ClientInfo = ClientInfo,
        ProtocolVersion = protocolVersion,
        // The connection's own connect_timeout rules; the SDK's limits are only a backstop.
        InitializationTimeout = server.ConnectTimeout + Backstop,
        Handlers = new McpClientHandlers
        {
            NotificationHandlers = [.. ForwardedNotifications.Select(m => KeyValuePair.Create(m, callbacks.OnNotification))],

            // Declared so servers may ask; answered by the client of /mcp whose call caused the request (InFlightCalls).
#pragma warning disable MCP9005 // Sampling is deprecated in 2026-07-28, but part of 2025-11-25, which most servers speak.
            SamplingHandler = (request, _, cancellationToken) =>
            {
                var parameters = request ?? throw new McpException("sampling/createMessage came without parameters");
                var relay = callbacks.Calls.RelayFor(server.Name, RequestMethods.SamplingCreateMessage, CallMarker.Take(parameters.Meta));
                return relay.SampleAsync(server.Name, parameters, cancellationToken);
            },
#pragma warning restore MCP9005
            ElicitationHandler = (request, cancellationToken) =>
            {
                var parameters = request ?? throw new McpException("elicitation/create came without parameters");
                var relay = callbacks.Calls.RelayFor(server.Name, RequestMethods.ElicitationCreate, CallMarker.Take(parameters.Meta));
                return relay.ElicitAsync(server.Name, parameters, cancellationToken);
            },
        },
    };

    private IClientTransport CreateTransport(McpServerConfig server, ResolvedEndpoint endpoint, UpstreamCallbacks callbacks, ILoggerFactory logs)
    {
        if (server.Transport == McpTransportKind.Stdio)
        {
            // A child gets a curated environment (PATH, HOME, ...) plus its own env, not Tributary's
            // whole environment, so the host's tokens never leak into third-party processes.
            var environment = StdioClientTransportOptions.GetDefaultEnvironmentVariables();
            foreach (var (key, value) in endpoint.Env)
            {
                environment[key] = value;
            }

            return new BoundedStdioClientTransport(
                new StdioClientTransportOptions
                {
                    Name = server.Name,
                    Command = endpoint.Command!,
                    Arguments = [.. endpoint.Args],
                    WorkingDirectory = endpoint.Cwd,
                    InheritEnvironmentVariables = false,
                    EnvironmentVariables = environment,
                    StandardErrorLines = callbacks.OnStderrLine,
                    ShutdownTimeout = TimeSpan.FromSeconds(2),
                },
                server.MaxMessageSize,
                logs);
        }

        return new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Name = server.Name,
                Endpoint = endpoint.Url!,
                TransportMode = server.Transport == McpTransportKind.Sse ? HttpTransportMode.Sse : HttpTransportMode.StreamableHttp,
                ConnectionTimeout = server.ConnectTimeout + Backstop,
                AdditionalHeaders = endpoint.Headers.ToDictionary(),
                // A dead session is rebuilt by the connection with backoff, not retried inside the transport.
                MaxReconnectionAttempts = 0,
                OAuth = server.AuthType == McpAuthKind.OAuth && server.Grant == OAuthGrant.AuthorizationCode ? authorization.CreateOptions(server, endpoint) : null,
            },
            // The handler chain is shared and outlives the client (disposeHandler: false); the client is the transport's.
            new HttpClient(Bounded(server), disposeHandler: false)
            {
                // Streams (SSE, long tool calls) are bounded per request by each server's timeout instead.
                Timeout = Timeout.InfiniteTimeSpan,
            },
            logs,
            ownsHttpClient: true);
    }

    // Clients over this chain never dispose it (disposeHandler: false): the handler under it is shared by all servers.
    private MessageSizeLimitHandler Bounded(McpServerConfig server) => new(server.MaxMessageSize) { InnerHandler = httpHandler };
}
