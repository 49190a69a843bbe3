using System.Net.Http.Headers;
using System.Text;
using ModelContextProtocol.Client;
using Tributary.Server.Host;
using Tributary.Server.Security;
using Tributary.Server.Tests.Host;

namespace Tributary.Server.Tests.Security;

/// <summary>Starts the host with given security variables, and speaks to its <c>/mcp</c>.</summary>
internal static class SecuredHost
{
    /// <summary>Starts the host with <paramref name="key"/> as <c>TRIBUTARY_MCP_KEY</c> (none when null).</summary>
    public static Task<RunningHost> StartAsync(string serversYaml, string? key, CancellationToken cancellationToken) =>
        RunningHost.StartAsync(serversYaml, options => WithVariables(options, key, allowedHosts: null), cancellationToken);

    /// <summary>Makes <paramref name="options"/> read only the two security variables.</summary>
    public static TributaryHostOptions WithVariables(TributaryHostOptions options, string? key, string? allowedHosts) =>
        options with
        {
            ReadVariable = name => name switch
            {
                SecurityOptions.KeyVariable => key,
                SecurityOptions.AllowedHostsVariable => allowedHosts,
                _ => null,
            },
        };

    /// <summary>Connects the C# SDK client to <c>/mcp</c> sending <paramref name="headers"/> with every request.</summary>
    public static Task<McpClient> ConnectAsync(RunningHost host, IDictionary<string, string> headers, CancellationToken cancellationToken) =>
        McpClient.CreateAsync(
            new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = new Uri(host.BaseAddress, "/mcp"),
                    TransportMode = HttpTransportMode.StreamableHttp,
                    AdditionalHeaders = headers,
                },
                host.Http),
            new McpClientOptions { ProtocolVersion = "2025-11-25" },
            cancellationToken: cancellationToken);

    /// <summary>A raw <c>initialize</c> POST to <c>/mcp</c>, for requests the SDK client would not send.</summary>
    public static HttpRequestMessage Initialize()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }
}
