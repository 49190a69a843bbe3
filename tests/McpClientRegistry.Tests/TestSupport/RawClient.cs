using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Tests.TestSupport;

/// <summary>The SDK's own client, unwrapped, to check the fixtures independently of Tributary.</summary>
internal static class RawClient
{
    public static Task<McpClient> ConnectAsync(
        Uri endpoint,
        HttpTransportMode mode,
        CancellationToken cancellationToken,
        IDictionary<string, string>? headers = null,
        TimeSpan? initializationTimeout = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = mode,
            AdditionalHeaders = headers,
        });
        return McpClient.CreateAsync(
            transport,
            Options(initializationTimeout),
            cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Declares sampling and elicitation as Tributary's upstream client does (servers such as server-everything list
    /// more tools to such clients); the handlers are never expected to run.
    /// </summary>
    public static McpClientOptions Options(TimeSpan? initializationTimeout = null) => new()
    {
        InitializationTimeout = initializationTimeout ?? TimeSpan.FromSeconds(10),
        Handlers = new McpClientHandlers
        {
#pragma warning disable MCP9005 // Sampling is part of 2025-11-25.
            SamplingHandler = (_, _, _) => throw new InvalidOperationException("the raw test client does not sample"),
#pragma warning restore MCP9005
            ElicitationHandler = (_, _) => throw new InvalidOperationException("the raw test client does not elicit"),
        },
    };

    /// <summary>Lists the tools (as a real client does first), calls one and returns its text.</summary>
    public static async Task<string> CallTextAsync(
        McpClient client,
        string tool,
        IReadOnlyDictionary<string, object?> arguments,
        CancellationToken cancellationToken)
    {
        await client.ListToolsAsync(cancellationToken: cancellationToken);
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken);
        Assert.NotEqual(true, result.IsError);
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }
}
