using System.Globalization;
using System.Text;
using ModelContextProtocol.Client;
using Tributary.Server.Tests.Cli;
using Tributary.Server.Tests.Telemetry;
using Tributary.TestSupport.InProcess;
using Tributary.TestSupport.Network;
using Tributary.TestSupport.Node;

namespace Tributary.Server.Tests.Security;

/// <summary>
/// Values that came from <c>${VAR}</c> are secrets wherever they went: a stdio server's <c>args</c> (which it echoes on
/// stderr) and an HTTP server's URL path. Through the real <c>tributary serve --verbose</c> (every log line, the SDK's
/// included), <c>/health</c> and the OTLP export, neither value appears anywhere.
/// </summary>
public sealed class SecretRedactionTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_SecretsInArgsAndUrlPath_InNoLogHealthOrSpan()
    {
        string argSecret = "arg-secret-" + Guid.NewGuid().ToString("N");
        string pathSecret = "T0123-" + Guid.NewGuid().ToString("N");
        await using var receiver = await OtlpReceiver.StartAsync(Token);
        await using var upstream = await TestMcpServer.StartAsync(new TestMcpServerOptions { ServerName = "hooks" }, Token);
        string authority = upstream.Url.GetLeftPart(UriPartial.Authority);
        using var registry = TempRegistry.Write($$"""
            mcp_servers:
              echoer:
                transport: stdio
                command: sh
                args: ["-c", "echo \"upstream says token=$0\" >&2; exit 1", "${ARG_SECRET}"]
              hooks:
                url: {{authority}}/hooks/${HOOK_SECRET}/mcp
            """);
        var exported = receiver.WaitForAsync("/v1/traces", Protobuf.ScopeName("System.Net.Http"), Protobuf.StringAttribute("url.full", $"{authority}/hooks/***/mcp"));
        var url = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var serve = new NodeCommand(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "tributary.dll"), "serve", "--verbose", "--config", registry.Path, "--urls", url.ToString()],
            new Dictionary<string, string>
            {
                ["ARG_SECRET"] = argSecret,
                ["HOOK_SECRET"] = pathSecret,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            });
        await using var tributary = NodeProcess.Start(serve, "tributary", TestContext.Current.TestOutputHelper);
        await McpProbe.WaitUntilReadyAsync(new Uri(url, "/mcp"), HttpTransportMode.StreamableHttp, tributary, s_bound, "tributary serve", Token);
        using var http = new HttpClient();

        // Both servers fail, so /health answers 503: the body is what counts.
        string probed = await ReadAsync(http, new Uri(url, "/health?probe=true"), "application/json");
        string health = await ReadAsync(http, new Uri(url, "/health"), "application/json");
        string page = await ReadAsync(http, new Uri(url, "/health"), "text/html");
        try
        {
            await exported.WaitAsync(s_bound, Token);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the HttpClient span of the hooks server was not exported within {s_bound}: {receiver.Describe("/v1/traces", Protobuf.ScopeName("System.Net.Http"))}");
        }

        // The stderr line was seen (and so could have leaked): it is in the health answer and the log, masked.
        Assert.Contains("upstream says token=***", health, StringComparison.Ordinal);
        await tributary.WaitForOutputLineAsync(line => line.Contains("upstream says token=***", StringComparison.Ordinal), Token).WaitAsync(s_bound, Token);
        string spans = string.Join("\n", receiver.Bodies("/v1/traces").SelectMany(OtlpSpan.Read).Select(s => $"{s.Name} {string.Join(' ', s.Attributes.Values)}"));
        foreach (string secret in (string[])[argSecret, pathSecret])
        {
            Assert.DoesNotContain(secret, tributary.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, probed, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, health, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, spans, StringComparison.Ordinal);
            Assert.All(receiver.Bodies("/v1/traces"), body => Assert.DoesNotContain(secret, Encoding.UTF8.GetString(body), StringComparison.Ordinal));
        }
    }

    private static async Task<string> ReadAsync(HttpClient http, Uri uri, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await http.SendAsync(request, Token);
        return await response.Content.ReadAsStringAsync(Token);
    }
}
