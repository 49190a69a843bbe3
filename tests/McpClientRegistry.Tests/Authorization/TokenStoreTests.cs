using ModelContextProtocol.Authentication;
using Tributary.McpClientRegistry.Authorization;

namespace Tributary.McpClientRegistry.Tests.Authorization;

public sealed class TokenStoreTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tributary-tokens-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Save_ThenANewStore_ReadsTheTokensBackButTheFileHoldsNoneInClear()
    {
        var resource = new Uri("https://mcp.example.com/mcp");
        using (var first = TokenStore.InDirectory(_directory.FullName))
        {
            await new ServerTokenCache(first, "linear", resource, _ => { }).StoreTokensAsync(Tokens("at-4f1c9e", "rt-77ab01", 3600), Token);
        }

        using var second = TokenStore.InDirectory(_directory.FullName);
        var read = await new ServerTokenCache(second, "linear", resource, _ => { }).GetTokensAsync(Token);

        Assert.Equal("at-4f1c9e", read?.AccessToken);
        Assert.Equal("rt-77ab01", read?.RefreshToken);
        byte[] file = await File.ReadAllBytesAsync(Path.Combine(_directory.FullName, "tokens", "linear.token"), Token);
        string text = System.Text.Encoding.Latin1.GetString(file);
        Assert.DoesNotContain("at-4f1c9e", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rt-77ab01", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokens_ForAnotherEndpoint_GivesNone()
    {
        using var store = TokenStore.InDirectory(_directory.FullName);
        await new ServerTokenCache(store, "linear", new Uri("https://old.example.com/mcp"), _ => { }).StoreTokensAsync(Tokens("at", "rt", 3600), Token);

        var read = await new ServerTokenCache(store, "linear", new Uri("https://new.example.com/mcp"), _ => { }).GetTokensAsync(Token);

        Assert.Null(read);
    }

    [Theory]
    [InlineData(3600, 3540)] // 60 s early
    [InlineData(300, 270)]   // a tenth of its life early
    public async Task GetTokens_ExpiringToken_HandedOutAsExpiringEarlySoTheSdkRefreshesFirst(int lifetime, int expected)
    {
        using var store = TokenStore.InMemory();
        var cache = new ServerTokenCache(store, "linear", new Uri("https://mcp.example.com/mcp"), _ => { });
        await cache.StoreTokensAsync(Tokens("at", "rt", lifetime), Token);

        var read = await cache.GetTokensAsync(Token);

        Assert.Equal(expected, read?.ExpiresIn);
    }

    [Fact]
    public async Task Load_KeysLost_NeedsLoginInsteadOfFailing()
    {
        var resource = new Uri("https://mcp.example.com/mcp");
        using (var first = TokenStore.InDirectory(_directory.FullName))
        {
            await new ServerTokenCache(first, "linear", resource, _ => { }).StoreTokensAsync(Tokens("at", "rt", 3600), Token);
        }

        Directory.Delete(Path.Combine(_directory.FullName, "keys"), recursive: true);
        using var second = TokenStore.InDirectory(_directory.FullName);

        Assert.False(second.Has("linear"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TokenContainer Tokens(string access, string refresh, int expiresIn) => new()
    {
        TokenType = "Bearer",
        AccessToken = access,
        RefreshToken = refresh,
        ExpiresIn = expiresIn,
        ObtainedAt = DateTimeOffset.UtcNow,
    };
}
