using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tributary.McpClientRegistry.Connections;
using Tributary.Server.Limits;

namespace Tributary.Server.Mcp;

/// <summary>
/// A tool call from a 2026-07-28 client of <c>/mcp</c>, which has no session: what its upstream asks of the caller
/// (sampling, elicitation) cannot be sent as a request of its own, so it becomes an <c>input_required</c> answer, and
/// the client's retry, carrying its answer, picks the call up where it waits. The upstream call runs across those
/// rounds; a round waits for whichever comes first, the call's result or its next question.
/// </summary>
/// <remarks>
/// One question at a time: a second one while the first waits for its answer fails, naming the server. A question
/// the client does not answer within <paramref name="timeout"/> fails as a relayed one does.
/// </remarks>
internal sealed class BridgedCall(McpServer firstCaller, TimeSpan timeout, TimeProvider time) : IUpstreamRequestRelay
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<Question> _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Question? _waiting;
    private int _questions;

    /// <summary>The <c>requestState</c> the client echoes to resume this call: unguessable, and this call's alone.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Cancels the upstream call: its client went away, or Tributary is stopping.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The upstream call; set once, when it starts.</summary>
    public Task<CallToolResult> Completion { get; set; } = Task.FromResult(new CallToolResult());

    /// <summary>
    /// Waits for the call's next step: <see langword="null"/> once its result is there (in <see cref="Completion"/>),
    /// or the question it asks the client.
    /// </summary>
    public async Task<Question?> NextAsync(CancellationToken cancellationToken)
    {
        Task<Question> asked;
        lock (_gate)
        {
            asked = _asked.Task;
        }

        await Task.WhenAny(Completion, asked).WaitAsync(cancellationToken);
        if (Completion.IsCompleted)
        {
            return null;
        }

        lock (_gate)
        {
            _asked = new TaskCompletionSource<Question>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return await asked;
    }

    /// <summary>Hands the waiting question the client's answer from <paramref name="responses"/>.</summary>
    public void Answer(IDictionary<string, InputResponse>? responses)
    {
        Question? waiting;
        lock (_gate)
        {
            waiting = _waiting;
            _waiting = null;
        }

        if (waiting is null)
        {
            return;
        }

        if (responses is not null && responses.TryGetValue(waiting.Key, out var response))
        {
            waiting.Answer.TrySetResult(response);
        }
        else
        {
            waiting.Answer.TrySetException(new McpException($"the client of Tributary retried the call without an answer to '{waiting.Key}' in inputResponses"));
        }
    }

    /// <inheritdoc />
#pragma warning disable MCP9005 // Sampling is part of 2025-11-25, which the upstreams asking for it speak.
    public async ValueTask<CreateMessageResult> SampleAsync(string serverName, CreateMessageRequestParams request, CancellationToken cancellationToken)
    {
        if (firstCaller.ClientCapabilities?.Sampling is null)
        {
            throw new McpException($"MCP server '{serverName}' asked for sampling, but the client calling its tool does not support sampling");
        }

        var answer = await AskAsync(serverName, RequestMethods.SamplingCreateMessage, InputRequest.ForSampling(request), cancellationToken);
        return answer.Deserialize(InputResponse.CreateMessageResultJsonTypeInfo)
            ?? throw new McpException($"the client of Tributary answered sampling from MCP server '{serverName}' with nothing");
    }
#pragma warning restore MCP9005

    /// <inheritdoc />
    public async ValueTask<ElicitResult> ElicitAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken)
    {
        if (firstCaller.ClientCapabilities?.Elicitation is null)
        {
            throw new McpException($"MCP server '{serverName}' asked for elicitation, but the client calling its tool does not support elicitation");
        }

        var answer = await AskAsync(serverName, RequestMethods.ElicitationCreate, InputRequest.ForElicitation(request), cancellationToken);
        return answer.Deserialize(InputResponse.ElicitResultJsonTypeInfo)
            ?? throw new McpException($"the client of Tributary answered elicitation from MCP server '{serverName}' with nothing");
    }

    private async Task<InputResponse> AskAsync(string serverName, string method, InputRequest request, CancellationToken cancellationToken)
    {
        var question = new Question($"input_{Interlocked.Increment(ref _questions)}", request);
        lock (_gate)
        {
            if (_waiting is not null)
            {
                throw new McpException($"MCP server '{serverName}' sent {method} while an earlier request of its call still waits for the client; Tributary asks a 2026-07-28 client one at a time");
            }

            _waiting = question;
            _asked.TrySetResult(question);
        }

        using var expiry = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            return await question.Answer.Task.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException e) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new McpException(LimitMessages.RelayTimedOut(serverName, method, timeout), e);
        }
        finally
        {
            // A question given up on is no longer waiting: a later one of the same call may be asked.
            lock (_gate)
            {
                if (ReferenceEquals(_waiting, question))
                {
                    _waiting = null;
                }
            }
        }
    }

    /// <summary>One question of the upstream to the client, under the key its answer comes back with.</summary>
    internal sealed record Question(string Key, InputRequest Request)
    {
        public TaskCompletionSource<InputResponse> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
