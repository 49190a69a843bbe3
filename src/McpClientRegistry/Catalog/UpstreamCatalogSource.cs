using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;
using Tributary.McpClientRegistry.Health;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// One registry server as a catalog source: what it lists once connected, and every request passed to it through
/// the connection manager (which connects, reconnects, bounds and traces each one).
/// </summary>
internal sealed class UpstreamCatalogSource : ICatalogSource
{
    /// <summary>The <see cref="Kind"/> of every registry server.</summary>
    public const string UpstreamKind = "upstream";

    private readonly McpConnectionManager _manager;
    private readonly McpServerConnection _connection;

    /// <summary>Serves <paramref name="connection"/>'s server through <paramref name="manager"/>.</summary>
    public UpstreamCatalogSource(McpConnectionManager manager, McpServerConnection connection)
    {
        _manager = manager;
        _connection = connection;
        connection.ListingChanged += _ => ListingChanged?.Invoke(this);
    }

    /// <inheritdoc />
    public event Action<ICatalogSource>? ListingChanged;

    /// <inheritdoc />
    public string Name => _connection.Name;

    /// <inheritdoc />
    public string Prefix => _connection.Config.Prefix;

    /// <inheritdoc />
    public string Kind => UpstreamKind;

    /// <inheritdoc />
    public CatalogListing Listing => CatalogListing.From(_connection.Listing);

    /// <summary>The server's last known health.</summary>
    public ServerHealth Health => _connection.Health;

    /// <inheritdoc />
    public string? Problem => Health.State == ServerState.Connected ? null : ServerStateText.WhyUnavailable(Health);

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken) => _connection.EnsureConnectedAsync(cancellationToken);

    /// <inheritdoc />
    public Task<CallToolResult> CallToolAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken) =>
        _manager.CallToolAsync(Name, toolName, arguments, context, cancellationToken);

    /// <inheritdoc />
    public Task<GetPromptResult> GetPromptAsync(string promptName, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken) =>
        _manager.InvokeAsync(
            Name,
            RequestMethods.PromptsGet,
            promptName,
            async (client, token) => await client.GetPromptAsync(promptName, arguments, cancellationToken: token),
            cancellationToken);

    /// <inheritdoc />
    public Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken) =>
        _manager.InvokeAsync(
            Name,
            RequestMethods.ResourcesRead,
            uri,
            async (client, token) => await client.ReadResourceAsync(uri, cancellationToken: token),
            cancellationToken);

    /// <inheritdoc />
    public Task SubscribeAsync(string uri, CancellationToken cancellationToken) => _manager.SubscribeAsync(Name, uri, cancellationToken);

    /// <inheritdoc />
    public Task UnsubscribeAsync(string uri, CancellationToken cancellationToken) => _manager.UnsubscribeAsync(Name, uri, cancellationToken);

    /// <inheritdoc />
    public Task<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken)
    {
        var name = request.Ref switch
        {
            PromptReference prompt => prompt.Name,
            ResourceTemplateReference template => template.Uri,
            _ => null,
        };
        return _manager.InvokeAsync(
            Name,
            RequestMethods.CompletionComplete,
            name,
            (client, token) => client.CompleteAsync(request, token).AsTask(),
            cancellationToken);
    }
}
