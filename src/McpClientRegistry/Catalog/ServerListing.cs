using ModelContextProtocol.Client;
using Tributary.McpClientRegistry.Configuration;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>What one connected server offers: its tools (after the registry's allow/deny filter), resources and prompts.</summary>
public sealed record ServerListing(
    IReadOnlyList<McpClientTool> Tools,
    IReadOnlyList<McpClientResource> Resources,
    IReadOnlyList<McpClientResourceTemplate> ResourceTemplates,
    IReadOnlyList<McpClientPrompt> Prompts)
{
    /// <summary>A server that offers nothing (or is not connected).</summary>
    public static ServerListing Empty { get; } = new([], [], [], []);

    /// <summary>Lists everything <paramref name="client"/>'s server declares a capability for, following pagination.</summary>
    internal static async Task<ServerListing> FetchAsync(McpClient client, ToolFilter filter, CancellationToken cancellationToken)
    {
        var capabilities = client.ServerCapabilities;
        var tools = capabilities.Tools is null ? [] : await client.ListToolsAsync(cancellationToken: cancellationToken);
        var resources = capabilities.Resources is null ? [] : await client.ListResourcesAsync(cancellationToken: cancellationToken);
        var templates = capabilities.Resources is null ? [] : await client.ListResourceTemplatesAsync(cancellationToken: cancellationToken);
        var prompts = capabilities.Prompts is null ? [] : await client.ListPromptsAsync(cancellationToken: cancellationToken);
        return new ServerListing([.. tools.Where(t => filter.IsAllowed(t.ProtocolTool.Name))], [.. resources], [.. templates], [.. prompts]);
    }
}
