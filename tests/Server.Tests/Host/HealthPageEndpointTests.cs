using System.Net;
using System.Net.Http.Headers;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;

namespace Tributary.Server.Tests.Host;

public sealed class HealthPageEndpointTests
{
    internal const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /// <summary>
    /// A stdio server that writes markup to stderr, then exits on the first message (initialize): its last error
    /// quotes that markup. Exiting only after the client wrote leaves its stderr time to be read first.
    /// </summary>
    internal const string MarkupServer = """
          markup:
            transport: stdio
            command: sh
            args: ["-c", "echo '<script>document.title=\"pwned\"</script>' >&2; read line; exit 3"]

        """;

    internal const string MarkupErrorHtml =
        "the process exited with code 3 (stderr: &lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;)";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_BrowserAcceptWithOneServerDead_HtmlPage200WithBothRows()
    {
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "live" }, Token);
        await using var host = await RunningHost.StartAsync(
            HealthEndpointTests.HttpServer("live", upstream.Url) + HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(FreePort.Next())),
            Token);

        var (response, html) = await GetPageAsync(host, "/health?probe=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", string.Join(';', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("<span id=\"status\" class=\"status degraded\">degraded</span>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-server=\"live\"><td><strong>live</strong></td><td><span class=\"status state connected\">connected</span></td><td class=\"num\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-server=\"dead\"><td><strong>dead</strong></td><td><span class=\"status state failed\">failed</span></td><td class=\"num\">0</td><td class=\"error\">Connection refused (127.0.0.1:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_BrowserAcceptWithEveryServerDead_HtmlPage503()
    {
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(FreePort.Next())), Token);

        var (response, html) = await GetPageAsync(host, "/health?probe=true");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<span id=\"status\" class=\"status unhealthy\">unhealthy</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/json, text/html")]
    public async Task Health_NonBrowserAccept_Json(string accept)
    {
        await using var host = await RunningHost.StartAsync(HealthEndpointTests.HttpServer("dead", HealthEndpointTests.DeadUrl(FreePort.Next())), Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health", UriKind.Relative));
        request.Headers.Accept.ParseAdd(accept);

        using var response = await host.Http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("{", (await response.Content.ReadAsStringAsync(Token)).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ErrorQuotingMarkup_ShownAsTextNeverAsMarkup()
    {
        await using var host = await RunningHost.StartAsync(MarkupServer, Token);

        var (response, html) = await GetPageAsync(host, "/health?probe=true");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains($"<td class=\"error\">{MarkupErrorHtml}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(RunningHost host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Clear();
        foreach (var value in BrowserAccept.Split(','))
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(value));
        }

        var response = await host.Http.SendAsync(request, Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        TestContext.Current.TestOutputHelper?.WriteLine(html);
        return (response, html);
    }
}
