using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// Something that serves tools, prompts, resources and resource templates to the catalog: a registry upstream,
/// or a toolkit built into Tributary. The catalog names its entries under <see cref="Prefix"/>, keeps them in its
/// table and sends each request to the source that owns the entry, under the entry's own name.
/// </summary>
public interface ICatalogSource
{
    /// <summary>The source's name, unique in the catalog (a registry server's name, or <c>gitlab</c>).</summary>
    string Name { get; }

    /// <summary>What the entries' exposed names start with, before <c>__</c> ("" for none).</summary>
    string Prefix { get; }

    /// <summary>What kind of source this is, for people: <c>upstream</c> for a registry server, else the toolkit's name.</summary>
    string Kind { get; }

    /// <summary>What the source offers now, without contacting anything (<see cref="CatalogListing.Empty"/> while not connected).</summary>
    CatalogListing Listing { get; }

    /// <summary>Why the source cannot serve requests now (not connected, not configured), or <see langword="null"/>.</summary>
    string? Problem { get; }

    /// <summary>Raised when <see cref="Listing"/> changed.</summary>
    event Action<ICatalogSource>? ListingChanged;

    /// <summary>Makes the source ready to list and serve (an upstream connects); throws <see cref="UpstreamException"/> saying why it cannot.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Calls tool <paramref name="toolName"/> (its own name) for the caller <paramref name="context"/> describes.</summary>
    Task<CallToolResult> CallToolAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken);

    /// <summary>Gets prompt <paramref name="promptName"/> (its own name) with <paramref name="arguments"/>.</summary>
    Task<GetPromptResult> GetPromptAsync(string promptName, IReadOnlyDictionary<string, object?>? arguments, CancellationToken cancellationToken);

    /// <summary>Reads resource <paramref name="uri"/>.</summary>
    Task<ReadResourceResult> ReadResourceAsync(string uri, CancellationToken cancellationToken);

    /// <summary>Subscribes to updates of <paramref name="uri"/>.</summary>
    Task SubscribeAsync(string uri, CancellationToken cancellationToken);

    /// <summary>Drops one subscription made with <see cref="SubscribeAsync"/>.</summary>
    Task UnsubscribeAsync(string uri, CancellationToken cancellationToken);

    /// <summary>Completes an argument of one of the source's prompts or resource templates (<paramref name="request"/> names it by its own name).</summary>
    Task<CompleteResult> CompleteAsync(CompleteRequestParams request, CancellationToken cancellationToken);
}
