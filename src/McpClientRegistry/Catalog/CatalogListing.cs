using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>What one catalog source offers, under its own names: tools, resources, resource templates and prompts.</summary>
/// <param name="Tools">The tools (an upstream's after the registry's allow/deny filter).</param>
/// <param name="Resources">The resources.</param>
/// <param name="ResourceTemplates">The resource templates.</param>
/// <param name="Prompts">The prompts.</param>
public sealed record CatalogListing(
    IReadOnlyList<Tool> Tools,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<ResourceTemplate> ResourceTemplates,
    IReadOnlyList<Prompt> Prompts)
{
    /// <summary>A source that offers nothing (or is not connected).</summary>
    public static CatalogListing Empty { get; } = new([], [], [], []);

    /// <summary>
    /// The names of tools callable by Tributary's own agents and command line but not served to <c>/mcp</c> clients
    /// (the GitLab tools that write, unless the operator allows them there).
    /// </summary>
    public IReadOnlySet<string> Unpublished { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The protocol view of an upstream's <paramref name="listing"/>, its tools and prompts in name order, so that
    /// the catalog shows them the same way however the server orders its lists.
    /// </summary>
    internal static CatalogListing From(ServerListing listing) => ReferenceEquals(listing, ServerListing.Empty)
        ? Empty
        : new(
            [.. listing.Tools.Select(t => t.ProtocolTool).OrderBy(t => t.Name, StringComparer.Ordinal)],
            [.. listing.Resources.Select(r => r.ProtocolResource)],
            [.. listing.ResourceTemplates.Select(t => t.ProtocolResourceTemplate)],
            [.. listing.Prompts.Select(p => p.ProtocolPrompt).OrderBy(p => p.Name, StringComparer.Ordinal)]);
}
