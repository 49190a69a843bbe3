using ModelContextProtocol.Authentication;

namespace Tributary.McpClientRegistry.Authorization;

/// <summary>
/// The SDK's token cache for one server, over the <see cref="TokenStore"/>. It hands tokens out as expiring
/// <see cref="RefreshAhead"/> early, so the SDK refreshes them before the server would refuse them.
/// </summary>
internal sealed class ServerTokenCache(TokenStore store, string server, Uri resource, Action<string> onStored) : ITokenCache
{
    /// <summary>How long before the server's expiry a token counts as expired.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromSeconds(60);

    public ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken)
    {
        // Tokens obtained for another endpoint (the url changed) are not this server's.
        var stored = store.Load(server);
        return ValueTask.FromResult(stored is not null && stored.Resource == resource.ToString() ? stored.ToContainer(RefreshAhead) : null);
    }

    public ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        store.Save(server, StoredTokens.From(resource, tokens));
        onStored(server);
        return ValueTask.CompletedTask;
    }
}
