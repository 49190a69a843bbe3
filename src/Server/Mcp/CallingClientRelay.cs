using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Limits;

namespace Tributary.Server.Mcp;

/// <summary>
/// Relays an upstream's sampling and elicitation requests made for one tool call to the client of <c>/mcp</c> that
/// made the call (<paramref name="caller"/>), and its answer back. A client that does not answer within
/// <paramref name="timeout"/> (<see cref="LimitOptions.RelayTimeout"/>) is given up on, and the upstream gets an
/// error saying so.
/// </summary>
internal sealed class CallingClientRelay(McpServer caller, TimeSpan timeout, TimeProvider time) : IUpstreamRequestRelay
{
    /// <inheritdoc />
#pragma warning disable MCP9005 // Sampling is part of 2025-11-25, the revision Tributary's sessions speak.
    public async ValueTask<CreateMessageResult> SampleAsync(string serverName, CreateMessageRequestParams request, CancellationToken cancellationToken)
    {
        if (caller.ClientCapabilities?.Sampling is null)
        {
            throw new McpException($"MCP server '{serverName}' asked for sampling, but the client calling its tool does not support sampling");
        }

        return await WithinTimeoutAsync(serverName, RequestMethods.SamplingCreateMessage, token => caller.SampleAsync(request, token), cancellationToken);
    }
#pragma warning restore MCP9005

    /// <inheritdoc />
    public async ValueTask<ElicitResult> ElicitAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken)
    {
        if (caller.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException($"MCP server '{serverName}' asked for elicitation, but the client calling its tool does not support elicitation");
        }

        return await WithinTimeoutAsync(serverName, RequestMethods.ElicitationCreate, token => caller.ElicitAsync(request, token), cancellationToken);
    }

    private async Task<T> WithinTimeoutAsync<T>(string serverName, string method, Func<CancellationToken, ValueTask<T>> ask, CancellationToken cancellationToken)
    {
        using var expiry = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            return await ask(linked.Token);
        }
        catch (OperationCanceledException e) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new McpException(LimitMessages.RelayTimedOut(serverName, method, timeout), e);
        }
    }
}
