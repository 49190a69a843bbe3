using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Catalog;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Limits;

namespace Tributary.Server.Mcp;

/// <summary>
/// The tool calls of 2026-07-28 clients of <c>/mcp</c> (<see cref="BridgedCall"/>): each runs on its own, past the
/// request that started it while the client answers its upstream's questions, and is known here by its
/// <c>requestState</c> until it ends. Stopping Tributary cancels and awaits those still running. At most
/// <see cref="LimitOptions.MaxSessions"/> run at once, as many as the sessions clients of older revisions may hold:
/// each outlives its request while it waits for answers, so a client must not be able to start them without end.
/// </summary>
internal sealed class BridgedCalls(McpCatalog catalog, IOptions<LimitOptions> limits, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BridgedCall> _calls = new(StringComparer.Ordinal);

    /// <summary>How many calls run now.</summary>
    public int Count => _calls.Count;

    /// <summary>
    /// Starts calling <paramref name="tool"/>, or with a <c>requestState</c> in <paramref name="request"/>, resumes the
    /// call it names with the client's answers; returns its result, or throws <see cref="InputRequiredException"/>
    /// with its next question.
    /// </summary>
    public async ValueTask<CallToolResult> InvokeAsync(Func<CancellationToken, ValueTask<ExposedTool>> tool, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        BridgedCall call;
        if (request.Params?.RequestState is { } state)
        {
            call = _calls.GetValueOrDefault(state)
                ?? throw new McpProtocolException($"no call of Tributary waits under requestState '{state}': it ended, or it waited longer than {(long)limits.Value.RelayTimeout.TotalSeconds} s ({LimitOptions.RelaySecondsVariable}) for the answer", McpErrorCode.InvalidParams);
            call.Answer(request.Params.InputResponses);
        }
        else
        {
            if (_calls.Count >= limits.Value.MaxSessions)
            {
                throw new McpProtocolException(LimitMessages.TooManyCallsWithoutSession(limits.Value.MaxSessions), McpErrorCode.InternalError);
            }

            var exposed = await tool(cancellationToken);
            call = new BridgedCall(request.Server, limits.Value.RelayTimeout, time);
            _calls[call.Id] = call;
            call.Completion = RunAsync(call, exposed, request);
        }

        try
        {
            var question = await call.NextAsync(cancellationToken);
            if (question is null)
            {
                return await call.Completion;
            }

            throw new InputRequiredException(new Dictionary<string, InputRequest> { [question.Key] = question.Request }, call.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up on the call (it dropped the request waiting for it): so does Tributary.
            await call.Cancellation.CancelAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var call in _calls.Values)
        {
            await call.Cancellation.CancelAsync();
        }

        await ((Task)Task.WhenAll(_calls.Values.Select(c => c.Completion))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // Progress and log messages reach the request that started the call, while it is open; later ones are dropped.
    private async Task<CallToolResult> RunAsync(BridgedCall call, ExposedTool tool, RequestContext<CallToolRequestParams> request)
    {
        await Task.Yield();
        try
        {
            await using var downstream = new DownstreamCall(tool.ServerName, request, call);
            return await catalog.CallToolAsync(tool, JsonArguments.Of(request.Params?.Arguments), downstream.Context, call.Cancellation.Token);
        }
        catch (UpstreamException e)
        {
            return CatalogToolCall.ErrorResult(e);
        }
        finally
        {
            _calls.TryRemove(call.Id, out _);
        }
    }
}
