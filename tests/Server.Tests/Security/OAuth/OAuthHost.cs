using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Tributary.Server.Security;
using Tributary.Server.Tests.Host;
using Tributary.TestSupport.Logging;

namespace Tributary.Server.Tests.Security.OAuth;

/// <summary>Starts the host with <c>host.oauth</c> trusting a <see cref="TestIssuer"/>, and speaks to it with tokens.</summary>
internal static class OAuthHost
{
    /// <summary>
    /// Starts the host for <paramref name="serversYaml"/> with <c>host.oauth</c> naming <paramref name="issuer"/>, the
    /// read and write scopes, optionally <paramref name="key"/> as <c>TRIBUTARY_MCP_KEY</c>, logging into <paramref name="logs"/>.
    /// </summary>
    public static Task<RunningHost> StartAsync(TestIssuer issuer, string serversYaml, ScopedLogCollector logs, CancellationToken cancellationToken, string? key = null, string extraOAuth = "", string urls = "http://127.0.0.1:0") =>
        RunningHost.StartWithConfigAsync(
            $$"""
            host:
              oauth:
                authority: {{issuer.Url}}
                audience: {{TestIssuer.Audience}}
                scopes: { read: {{TestIssuer.ReadScope}}, write: {{TestIssuer.WriteScope}} }
            {{extraOAuth}}
            mcp_servers:
            {{serversYaml}}
            """,
            options => options with
            {
                Urls = urls,
                ReadVariable = name => name == SecurityOptions.KeyVariable ? key : null,
                ConfigureLogging = logging =>
                {
                    TestLogging.ConfigureHost(logging);
                    logging.AddProvider(logs);
                    logging.SetMinimumLevel(LogLevel.Debug);
                },
            },
            cancellationToken);

    /// <summary>Connects the C# SDK client to <c>/mcp</c> with <paramref name="token"/> on every request.</summary>
    public static Task<McpClient> ConnectAsync(RunningHost host, string token, CancellationToken cancellationToken) =>
        SecuredHost.ConnectAsync(host, new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" }, cancellationToken);

    /// <summary>A raw <c>initialize</c> POST carrying <paramref name="token"/> (none when null).</summary>
    public static HttpRequestMessage Initialize(string? token)
    {
        var request = SecuredHost.Initialize();
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>A raw <c>tools/list</c> POST in session <paramref name="sessionId"/> carrying <paramref name="token"/>.</summary>
    public static HttpRequestMessage ListTools(string sessionId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":7,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        return request;
    }
}
