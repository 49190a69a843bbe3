using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.TestSupport.Logging;

namespace Tributary.TestSupport.InProcess;

/// <summary>
/// An in-process MCP server (ASP.NET Core on 127.0.0.1, a random port) with stateful sessions (or none, see
/// <see cref="TestMcpServerOptions.Stateless"/>), serving streamable HTTP at <see cref="Url"/> and legacy SSE at <see cref="SseUrl"/>. Its tools
/// answer with their server and tool names, so tests can tell upstreams apart.
/// </summary>
public sealed class TestMcpServer : IAsyncDisposable
{
    private const string McpPath = "/mcp";

    private readonly TestMcpServerOptions _options;
    private readonly McpServerPrimitiveCollection<McpServerTool> _tools = [];
    private readonly McpServerPrimitiveCollection<McpServerPrompt> _prompts = [];
    private readonly McpServerResourceCollection _resources = [];
    private readonly HangTool _hangTool = new();
    private readonly TaskCompletionSource<RequestId> _cancelledNotification = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RequestGate _gate;
    private WebApplication? _app;
    private readonly ConcurrentQueue<string> _toolCallRevisions = new();
    private int _toolCallCount;
    private int _pingCount;
    private int _discoverCount;

    private TestMcpServer(TestMcpServerOptions options)
    {
        _options = options;
        _gate = new RequestGate(options.RequiredHeader);
        foreach (var name in options.Tools)
        {
            AddTool(name);
        }

        if (options.IncludeHangTool)
        {
            _tools.Add(_hangTool);
        }

        if (options.IncludeRelayTools)
        {
            foreach (var tool in RelayTools.Create())
            {
                _tools.Add(tool);
            }
        }

        if (options.IncludeWatchedResource)
        {
            _resources.Add(Watched.Resource);
        }

        if (options.IncludeRouteTool)
        {
            _tools.Add(RouteTool.Create());
        }

        if (options.IncludeConsentTool)
        {
            _tools.Add(ConsentTool.Create());
        }

        if (options.IncludeInterviewTool)
        {
            _tools.Add(new InterviewTool().Create());
        }
    }

    /// <summary>Gets the name this server reports and echoes.</summary>
    public string ServerName => _options.ServerName;

    /// <summary>Gets the loopback port; it stays the same across <see cref="RestartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Gets the streamable HTTP endpoint, <c>http://127.0.0.1:PORT/mcp</c>.</summary>
    public Uri Url => Endpoint(McpPath);

    /// <summary>Gets the legacy SSE endpoint, <c>http://127.0.0.1:PORT/mcp/sse</c> (messages go to <c>/mcp/message</c>).</summary>
    public Uri SseUrl => Endpoint(McpPath + "/sse");

    /// <summary>Gets the number of HTTP requests seen, rejected ones included, since the first start.</summary>
    public int RequestCount => _gate.RequestCount;

    /// <summary>Gets the number of <c>tools/call</c> requests that reached the server's session, since the first start.</summary>
    public int ToolCallCount => Volatile.Read(ref _toolCallCount);

    /// <summary>Gets the number of <c>ping</c> requests that reached the server's session, since the first start.</summary>
    public int PingCount => Volatile.Read(ref _pingCount);

    /// <summary>Gets the number of <c>server/discover</c> requests that reached the server, since the first start.</summary>
    public int DiscoverCount => Volatile.Read(ref _discoverCount);

    /// <summary>
    /// Gets, for each <c>tools/call</c> that reached the server, the revision in its <c>_meta</c>
    /// (<c>io.modelcontextprotocol/protocolVersion</c>, 2026-07-28 and later), or <c>none</c> for a call without one.
    /// </summary>
    public IReadOnlyList<string> ToolCallRevisions => [.. _toolCallRevisions];

    /// <summary>Gets whether the server is listening.</summary>
    public bool IsRunning => _app is not null;

    /// <summary>Gets the names of the tools currently served.</summary>
    public IReadOnlyList<string> ToolNames => [.. _tools.Select(t => t.ProtocolTool.Name)];

    /// <summary>Gets a task that completes with the JSON-RPC request id of the first call that reaches the <c>hang</c> tool.</summary>
    public Task<RequestId> HangStarted => _hangTool.Started;

    /// <summary>Gets a task that completes with the request id of the first <c>notifications/cancelled</c> a client sends.</summary>
    public Task<RequestId> CancelledNotificationReceived => _cancelledNotification.Task;

    /// <summary>Gets the subscribable resource, served when <see cref="TestMcpServerOptions.IncludeWatchedResource"/> is set.</summary>
    public WatchedResource Watched { get; } = new();

    /// <summary>Gets a task that completes when a call to the <c>hang</c> tool is first cancelled.</summary>
    public Task HangCancelled => _hangTool.Cancelled;

    /// <summary>Starts a server and waits until it listens.</summary>
    /// <param name="options">What to serve; the defaults serve one tool, <c>echo</c>, as server <c>test</c>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<TestMcpServer> StartAsync(
        TestMcpServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var server = new TestMcpServer(options ?? new TestMcpServerOptions());
        try
        {
            await server.StartCoreAsync(port: 0, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a tool answering <c>serverName:toolName:argumentsJson</c>; sessions get <c>tools/list_changed</c>.</summary>
    /// <param name="name">The tool name, any string.</param>
    public void AddTool(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _tools.Add(new EchoNameTool(_options.ServerName, name));
    }

    /// <summary>Adds a prompt whose one message is <c>serverName:promptName</c>; sessions get <c>prompts/list_changed</c>.</summary>
    /// <param name="name">The prompt name.</param>
    /// <remarks>Needs <see cref="TestMcpServerOptions.ServePromptsAndResources"/>.</remarks>
    public void AddPrompt(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string text = $"{_options.ServerName}:{name}";
        _prompts.Add(McpServerPrompt.Create(() => text, new McpServerPromptCreateOptions { Name = name }));
    }

    /// <summary>Adds a text resource reading <c>serverName:uri</c>; sessions get <c>resources/list_changed</c>.</summary>
    /// <param name="uri">The resource URI.</param>
    /// <remarks>Needs <see cref="TestMcpServerOptions.ServePromptsAndResources"/>.</remarks>
    public void AddResource(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string text = $"{_options.ServerName}:{uri}";
        _resources.Add(McpServerResource.Create(() => text, new McpServerResourceCreateOptions { UriTemplate = uri, Name = uri, MimeType = "text/plain" }));
    }

    /// <summary>Removes a tool; sessions get <c>tools/list_changed</c>.</summary>
    /// <param name="name">The tool name.</param>
    /// <returns>Whether the tool was there.</returns>
    public bool RemoveTool(string name) =>
        _tools.TryGetPrimitive(name, out var tool) && _tools.Remove(tool);

    /// <summary>Stops listening; clients see connection errors until <see cref="RestartAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels a graceful stop (the server is then stopped at once).</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            try
            {
                await app.StopAsync(cancellationToken);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Stops the server if it runs and starts it again on the same port; old sessions are gone.</summary>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>A task that completes when the server listens again.</returns>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartCoreAsync(Port, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await StopAsync(timeout.Token);
    }

    private Uri Endpoint(string path) =>
        new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}{path}");

    private async Task StartCoreAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        if (_options.Output is { } output)
        {
            builder.Logging.AddProvider(new TestOutputLoggerProvider(output, _options.MinimumLogLevel));
            builder.Logging.SetMinimumLevel(_options.MinimumLogLevel);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.Services
            .AddMcpServer(mcp =>
            {
                mcp.ServerInfo = new Implementation { Name = _options.ServerName, Version = "1.0.0" };
                mcp.ProtocolVersion = _options.ProtocolVersion;
                mcp.ToolCollection = _tools;
                if (_options.ServePromptsAndResources)
                {
                    mcp.PromptCollection = _prompts;
                    mcp.ResourceCollection = _resources;
                }

                if (_options.IncludeWatchedResource)
                {
                    mcp.ResourceCollection = _resources;
                    if (_options.WatchedResourceSubscribable)
                    {
                        mcp.Capabilities = new ServerCapabilities { Resources = new ResourcesCapability { Subscribe = true } };
                        mcp.Handlers.SubscribeToResourcesHandler = Watched.SubscribeAsync;
                        mcp.Handlers.UnsubscribeFromResourcesHandler = Watched.UnsubscribeAsync;
                    }
                }
                mcp.Filters.Message.IncomingFilters.Add(next => (context, cancellationToken) =>
                {
                    if (context.JsonRpcMessage is JsonRpcNotification { Method: NotificationMethods.CancelledNotification, Params: { } parameters }
                        && parameters.Deserialize<CancelledNotificationParams>(McpJsonUtilities.DefaultOptions) is { } cancelled)
                    {
                        _cancelledNotification.TrySetResult(cancelled.RequestId);
                    }

                    if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ServerDiscover })
                    {
                        Interlocked.Increment(ref _discoverCount);
                    }

                    if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsCall } call)
                    {
                        Interlocked.Increment(ref _toolCallCount);
                        _toolCallRevisions.Enqueue(call.Params?["_meta"]?[MetaKeys.ProtocolVersion]?.GetValue<string>() ?? "none");
                        if (_options.ToolCallErrorCode is { } toolError)
                        {
                            throw new McpProtocolException("the test server fails every tools/call", (McpErrorCode)toolError);
                        }
                    }

                    if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Ping })
                    {
                        Interlocked.Increment(ref _pingCount);
                        if (_options.PingErrorCode is { } pingError)
                        {
                            throw new McpProtocolException("Method not found: ping", (McpErrorCode)pingError);
                        }
                    }

                    return next(context, cancellationToken);
                });
            })
            .WithHttpTransport(http =>
            {
                if (_options.Stateless)
                {
                    http.SessionMode = HttpServerSessionMode.Stateless;
                    return;
                }

                // Sessions let tools/list_changed and logging reach clients (the default, stateless, has neither).
                http.SessionMode = HttpServerSessionMode.Stateful;
#pragma warning disable MCP9004 // Legacy SSE is what the SSE tests exercise; only loopback test clients reach it.
                http.EnableLegacySse = true;
#pragma warning restore MCP9004
                if (_options.IncludeWatchedResource)
                {
#pragma warning disable MCPEXP002 // The watched resource notifies sessions outside their requests, so it needs to know them.
                    http.RunSessionHandler = Watched.RunSessionAsync;
#pragma warning restore MCPEXP002
                }
            });

        var app = builder.Build();
        app.Use(_gate.InvokeAsync);
        app.MapMcp(McpPath);
        await app.StartAsync(cancellationToken);
        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        Port = new Uri(address).Port;
    }
}
