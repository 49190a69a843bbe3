using System.Globalization;
using System.Net.Http.Json;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Auth;

/// <summary>
/// <c>npm/scripts/oauth-upstream.mjs</c>: an MCP server behind OAuth with its own authorization server (the TypeScript
/// SDK's auth router over its demo provider, with refresh tokens), plus an open MCP server beside it.
/// </summary>
internal sealed class OAuthUpstream : IAsyncDisposable
{
    private readonly NodeProcess _process;
    private readonly HttpClient _http;

    private OAuthUpstream(NodeProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The endpoint that needs a bearer token (tool <c>whoami</c>).</summary>
    public Uri SecureUrl => new(BaseAddress, "/mcp");

    /// <summary>The endpoint that needs none (tool <c>ping_open</c>).</summary>
    public Uri OpenUrl => new(BaseAddress, "/open/mcp");

    public static async Task<OAuthUpstream> StartAsync(ITestOutputHelper? output, CancellationToken cancellationToken)
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var process = NodeProcess.Start(
            new NodeCommand(
                NodeTools.SystemNode,
                ["--require", NodeTools.ExitWithParentPreloadScript, Path.Combine(NodeTools.NpmRoot, "scripts", "oauth-upstream.mjs")],
                new Dictionary<string, string> { ["PORT"] = port }),
            "oauth-upstream",
            output);
        var upstream = new OAuthUpstream(process, new Uri($"http://127.0.0.1:{port}"));
        await upstream.WaitUntilListeningAsync(cancellationToken);
        return upstream;
    }

    /// <summary>Makes every access token the server issued invalid; refresh tokens still work.</summary>
    public Task ExpireAccessTokensAsync(CancellationToken cancellationToken) => PostAsync("/test/expire", cancellationToken);

    /// <summary>Forgets every token, access and refresh.</summary>
    public Task RevokeAllAsync(CancellationToken cancellationToken) => PostAsync("/test/revoke", cancellationToken);

    /// <summary>How many authorization codes and refresh tokens were exchanged.</summary>
    public async Task<(int AuthorizationCodes, int Refreshes)> StatsAsync(CancellationToken cancellationToken)
    {
        var stats = await _http.GetFromJsonAsync<Dictionary<string, int>>(new Uri("/test/stats", UriKind.Relative), cancellationToken);
        return (stats!["authorizationCodes"], stats["refreshes"]);
    }

    /// <summary>Every access and refresh token currently issued.</summary>
    public async Task<IReadOnlyList<string>> TokensAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<List<string>>(new Uri("/test/tokens", UriKind.Relative), cancellationToken) ?? [];

    private async Task PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            try
            {
                await StatsAsync(deadline.Token);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await retry.WaitForNextTickAsync(deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
