using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Connections;

namespace Tributary.Server.Mcp;

/// <summary>
/// Answers <c>tools/list</c> from one serialized listing per version of the tool collection. The merged listing
/// of many upstreams is large (hundreds of tools, ~150 KB) and the same for every client, so serializing it once
/// per change instead of once per request (which the SDK does twice: result to node, node to stream) keeps a
/// listing cheap however many clients poll it.
/// </summary>
/// <remarks>
/// The listing is exactly what the SDK would send: every tool's <see cref="McpServerTool.ProtocolTool"/> in
/// collection order (Tributary's tools are custom primitives, which the SDK passes through unchanged at every
/// protocol version, and none carries authorization metadata that would filter it). Requests it cannot answer
/// the same way go on to the SDK: a page cursor, and protocol revisions with per-request metadata (2026-07-28
/// and later), whose responses the SDK amends with server information.
/// </remarks>
internal sealed class ToolListCache
{
    private readonly McpServerPrimitiveCollection<McpServerTool> _tools;
    private long _version;
    private Listing? _listing;

    /// <summary>
    /// Caches <paramref name="tools"/>' listing. Create it right after the collection, so its <c>Changed</c>
    /// handler runs before the SDK's: a client told <c>list_changed</c> never gets the previous listing.
    /// </summary>
    public ToolListCache(McpServerPrimitiveCollection<McpServerTool> tools)
    {
        _tools = tools;
        _tools.Changed += (_, _) => Interlocked.Increment(ref _version);
    }

    /// <summary>
    /// An incoming message filter that answers an answerable <c>tools/list</c> after <paramref name="load"/>
    /// (which brings the collection up to date, as the listing filters do for the SDK's own answer).
    /// </summary>
    /// <remarks>Not async itself: every message passes through it, and only a listing answered here needs a state machine.</remarks>
    public McpMessageFilter Filter(Func<CancellationToken, ValueTask> load) => next => (context, cancellationToken) =>
        context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.ToolsList } request && CanAnswer(request, context.Server)
            ? AnswerAsync(load, context.Server, request, cancellationToken)
            : next(context, cancellationToken);

    private async Task AnswerAsync(Func<CancellationToken, ValueTask> load, McpServer server, JsonRpcRequest request, CancellationToken cancellationToken)
    {
        await load(cancellationToken);

        // The server this filter is given sends the response where the request came from (its POST or stream).
        await server.SendMessageAsync(new JsonRpcResponse { Id = request.Id, Result = Current() }, cancellationToken);
    }

    /// <summary>The listing of the collection as it is now, serialized at most once per change.</summary>
    public JsonNode Current()
    {
        var version = Volatile.Read(ref _version);
        var listing = Volatile.Read(ref _listing);
        if (listing is null || listing.Version != version)
        {
            var result = new ListToolsResult { Tools = [.. _tools.Select(tool => tool.ProtocolTool)] };
            listing = new Listing(version, JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions));

            // A change during the build may or may not be in it: serve it this once, keep it only if none came.
            if (Volatile.Read(ref _version) == version)
            {
                Volatile.Write(ref _listing, listing);
            }
        }

        // A node per response over the shared, immutable bytes: writing it copies them as they are, unparsed.
        return RawJson.Node(listing.Utf8);
    }

    private static bool CanAnswer(JsonRpcRequest request, McpServer server)
    {
        if (request.Params is JsonObject parameters && parameters["cursor"] is not null)
        {
            return false;
        }

        var protocolVersion = request.Context?.ProtocolVersion ?? server.NegotiatedProtocolVersion;
        return protocolVersion is not null && !ProtocolRevisions.IsPerRequest(protocolVersion);
    }

    private sealed record Listing(long Version, byte[] Utf8);
}
