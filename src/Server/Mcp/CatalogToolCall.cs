using System.Diagnostics;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Limits;
using Tributary.Server.Security;

namespace Tributary.Server.Mcp;

/// <summary>Sends a <c>tools/call</c> from a client of <c>/mcp</c> through the catalog to the tool's server.</summary>
internal sealed class CatalogToolCall(McpCatalog catalog, BridgedCalls bridged, IOptions<LimitOptions> limits, TimeProvider time, SecurityOptions? security = null)
{
    /// <summary>
    /// Under <c>host.oauth</c> with a write scope, a tool that declares it writes (<c>readOnlyHint: false</c>, as the GitLab
    /// write tools do, or <c>destructiveHint: true</c>) needs that scope; refused as the SDK refuses an unauthorized tool.
    /// Tools that declare nothing count as reading: most servers do not annotate, and the read scope would be useless.
    /// </summary>
    private void RequireWriteScope(ExposedTool tool, RequestContext<CallToolRequestParams> request)
    {
        if (security?.OAuth?.WriteScope is { } scope
            && tool.Definition.Annotations is { } annotations
            && (annotations.ReadOnlyHint == false || annotations.DestructiveHint == true)
            && !CallerScopes.Has(request.User, scope))
        {
            throw new McpProtocolException(OAuthMessages.MissingScope($"the tool '{tool.Name}' declares that it writes, so it", scope), McpErrorCode.InvalidRequest);
        }
    }

    // The SDK's tools/call span is the current activity here; the request's own span was tagged by CallerContextMiddleware,
    // but the tool call's span can hang off the client's trace context (from _meta) instead, so it is tagged too.
    private void TagCaller(RequestContext<CallToolRequestParams> request)
    {
        if (security?.OAuth is not null && CallerIdentity.Subject(request.User) is { } caller)
        {
            Activity.Current?.SetTag(CallerContextMiddleware.ActivityTag, caller);
        }
    }

    // Resolved first (a name not listed yet connects its server), so the call is known before it starts; then the
    // caller's scopes are checked against it, whichever revision the caller speaks.
    private async ValueTask<ExposedTool> FindAllowedAsync(string name, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var tool = await catalog.FindPublishedToolAsync(name, cancellationToken);
        RequireWriteScope(tool, request);
        TagCaller(request);
        return tool;
    }

    /// <summary>
    /// Calls the tool exposed as <paramref name="name"/>. While it runs, the upstream's progress and log messages
    /// about this call reach the caller before the result, and its sampling and elicitation requests for this call
    /// go to the caller; none of it reaches any other session. The call is cancelled when the client cancels it or
    /// abandons the HTTP request waiting for it.
    /// An upstream that cannot answer becomes a tool error naming the server, not a protocol error,
    /// so the client's model can read it and go on.
    /// A 2026-07-28 client, which has no session to be asked on, gets the upstream's sampling and elicitation requests
    /// as <c>input_required</c> answers instead, and its retries carry the call on (<see cref="BridgedCalls"/>).
    /// </summary>
    public async ValueTask<CallToolResult> InvokeAsync(string name, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, DownstreamRequest.Abandoned(request));
        try
        {
            if (request.Server.SessionId is null)
            {
                return await bridged.InvokeAsync(token => FindAllowedAsync(name, request, token), request, abandoned.Token);
            }

            var arguments = JsonArguments.Of(request.Params?.Arguments);
            var tool = await FindAllowedAsync(name, request, abandoned.Token);
            await using var call = new DownstreamCall(tool.ServerName, request, new CallingClientRelay(request.Server, limits.Value.RelayTimeout, time));
            return await catalog.CallToolAsync(tool, arguments, call.Context, abandoned.Token);
        }
        catch (UpstreamException e)
        {
            return ErrorResult(e);
        }
    }

    /// <summary>The tool error a failed upstream call becomes: its message, which names the server.</summary>
    public static CallToolResult ErrorResult(UpstreamException failure) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = failure.Message }],
    };
}
