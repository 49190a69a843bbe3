using System.Diagnostics;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Tributary.McpClientRegistry.Configuration;
using Tributary.McpClientRegistry.Health;
using Tributary.McpClientRegistry.Telemetry;

namespace Tributary.McpClientRegistry.Connections;

internal sealed partial class McpServerConnection
{
    /// <summary>
    /// Runs one request against the server, connecting first if needed, bounded by the server's
    /// <c>timeout</c>, traced and measured. A request the old session provably never processed is sent
    /// once more on a new session; any other request that dies with its connection fails and is not replayed.
    /// </summary>
    public Task<T> InvokeAsync<T>(string method, string? target, Func<McpClient, CancellationToken, Task<T>> request, CancellationToken cancellationToken) =>
        InvokeAsync(method, target, (session, token) => request(session.Client, token), cancellationToken);

    private async Task<T> InvokeAsync<T>(string method, string? target, Func<UpstreamSession, CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var activity = UpstreamTelemetry.StartCall(Name, method, target);
        var started = _time.GetTimestamp();
        string? errorType = null;
        try
        {
            return await InvokeCoreAsync(method, target, request, cancellationToken);
        }
        catch (Exception e)
        {
            errorType = e is UpstreamException upstream ? upstream.Kind.ToString() : e.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            _telemetry.Record(Name, method, _time.GetElapsedTime(started), errorType);
        }
    }

    /// <summary>
    /// Calls tool <paramref name="toolName"/> (its name on the server) as <see cref="InvokeAsync{T}(string, string?, Func{McpClient, CancellationToken, Task{T}}, CancellationToken)"/> runs a request.
    /// While it runs, what the server sends about it (progress, log messages, sampling and elicitation requests) goes
    /// to <paramref name="context"/> and to no other call's caller.
    /// </summary>
    public Task<CallToolResult> CallToolAsync(string toolName, IReadOnlyDictionary<string, object?>? arguments, CallContext context, CancellationToken cancellationToken) =>
        InvokeAsync(
            RequestMethods.ToolsCall,
            toolName,
            async (session, token) =>
            {
                // Every call sends a fresh progress token, even when its caller wants no progress: it is how the
                // call's response stream, and the progress for it, are known to be this call's.
                using var call = _calls.Register(context);
                return session.ToolCalls is { } direct && direct.CanCall(toolName, session.Listing)
                    ? await direct.CallAsync(toolName, arguments, call.Key, token)
                    : await session.Client.CallToolAsync(toolName, arguments, options: new RequestOptions { ProgressToken = call.Token }, cancellationToken: token);
            },
            cancellationToken);

    /// <summary>Checks the server with a ping (connecting first if needed) and returns its fresh health.</summary>
    public async Task<ServerHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!Config.Enabled)
        {
            return Health;
        }

        try
        {
            // The round trip of the ping alone, not of connecting first.
            var latency = await InvokeAsync(
                "ping",
                null,
                async (client, token) =>
                {
                    var started = _time.GetTimestamp();
                    await UpstreamPing.SendAsync(client, token);
                    return _time.GetElapsedTime(started);
                },
                cancellationToken);
            UpdateHealth(h => h with { Latency = latency });
        }
        catch (UpstreamException)
        {
            // The failure is already in the health snapshot.
        }

        return Health;
    }

    private async Task<T> InvokeCoreAsync<T>(string method, string? target, Func<UpstreamSession, CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = await GetSessionAsync(cancellationToken);
            using var timeout = new CancellationTokenSource(Config.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var result = await request(session, linked.Token);
                var now = _time.GetUtcNow();
                UpdateHealth(now, static (h, now) => h with { LastSuccess = now, LastCheck = now });
                return result;
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new UpstreamException(Name, UpstreamFailureKind.Timeout, $"server '{Name}' did not answer {What(method, target)} within {DurationText.Format(Config.Timeout)} (timeout); it may still have run, so it was not sent again", e);
            }
            catch (McpProtocolException e) when (attempt == 1 && RejectedUnprocessed.Is(e) && !cancellationToken.IsCancellationRequested)
            {
                // The server refused the request before handling it (some servers answer a session they no longer
                // know, after a restart, with HTTP 400 and a JSON-RPC error): start a new session and send it once more.
                // A JSON-RPC error answered by the request's handler is never resent, whatever a ping would say.
                string reason = session.Redactor.Redact(FailureDescription.Describe(e));
                EndSession(session, reason);
                LogReplaying(Name, method, reason);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The SDK cancels the requests still pending when its transport closes.
                var ended = await EndReasonAsync(session) ?? throw new UpstreamException(Name, UpstreamFailureKind.Unavailable, $"server '{Name}' cancelled {What(method, target)} unexpectedly", e);
                EndSession(session, session.Redactor.Redact(ended));
                throw LostDuring(What(method, target), session.Redactor.Redact(ended), e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && FailureDescription.IsTransportFailure(e))
            {
                var reason = session.Redactor.Redact(FailureDescription.Describe(e, _stderr));
                EndSession(session, reason);
                if (attempt == 1 && FailureDescription.WasNotDelivered(e))
                {
                    LogReplaying(Name, method, reason);
                    continue;
                }

                throw LostDuring(What(method, target), reason, e);
            }
        }
    }

    private async Task<bool> IsAliveAsync(UpstreamSession session, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Min(Config.Timeout, TimeSpan.FromSeconds(5)), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await UpstreamPing.SendAsync(session.Client, linked.Token);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is McpProtocolException or OperationCanceledException || FailureDescription.IsTransportFailure(e)))
        {
            return false;
        }
    }

    // Built only for a failure's message: a call that succeeds needs no description of itself.
    private static string What(string method, string? target) => target is null ? method : $"{method} '{target}'";

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private UpstreamException LostDuring(string what, string reason, Exception inner) => new(
        Name,
        UpstreamFailureKind.ConnectionLost,
        $"server '{Name}' lost its connection during {what}: {reason}; the request was not retried because it may already have run",
        inner);

    /// <summary>Why <paramref name="session"/> ended, or null if it is still alive.</summary>
    private async Task<string?> EndReasonAsync(UpstreamSession session)
    {
        try
        {
            var details = await session.Client.Completion.WaitAsync(TimeSpan.FromSeconds(2), _time);
            return FailureDescription.Describe(new ClientTransportClosedException(details), _stderr);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
