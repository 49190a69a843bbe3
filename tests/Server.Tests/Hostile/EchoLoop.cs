using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.Server.Tests.Hostile;

/// <summary>
/// A well-behaved client calling <c>echo</c> through the host over and over while hostile input arrives beside it,
/// counting what succeeded and keeping every failure. Bounded in count and time; stopped when disposed.
/// </summary>
internal sealed class EchoLoop : IAsyncDisposable
{
    private const int MaxCalls = 200_000;
    private static readonly TimeSpan MaxTime = TimeSpan.FromMinutes(3);

    private readonly McpClient _client;
    private readonly string _tool;
    private readonly CancellationTokenSource _stop = new(MaxTime);
    private readonly List<string> _failures = [];
    private readonly Lock _gate = new();
    private readonly Task _running;
    private int _succeeded;
    private (int Count, TaskCompletionSource Reached)? _waiter;

    private EchoLoop(McpClient client, string tool)
    {
        _client = client;
        _tool = tool;
        _running = Task.Run(RunAsync);
    }

    /// <summary>How many calls have succeeded.</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Every failed call, with what it said.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>Starts calling <paramref name="tool"/> through <paramref name="client"/>.</summary>
    public static EchoLoop Start(McpClient client, string tool) => new(client, tool);

    /// <summary>Completes once <paramref name="more"/> further calls have succeeded (or fails after <paramref name="bound"/>).</summary>
    public Task WaitForMoreAsync(int more, TimeSpan bound, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiter = (Succeeded + more, reached);
        }

        return reached.Task.WaitAsync(bound, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        for (int i = 0; i < MaxCalls && !_stop.IsCancellationRequested; i++)
        {
            string message = $"ping {i}";
            try
            {
                var result = await _client.CallToolAsync(_tool, new Dictionary<string, object?> { ["message"] = message }, cancellationToken: _stop.Token);
                string text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
                if (result.IsError == true || !text.Contains(message, StringComparison.Ordinal))
                {
                    Fail($"call {i} answered: {text}");
                    continue;
                }

                int succeeded = Interlocked.Increment(ref _succeeded);
                lock (_gate)
                {
                    if (_waiter is { } waiter && succeeded >= waiter.Count)
                    {
                        waiter.Reached.TrySetResult();
                        _waiter = null;
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Fail($"call {i} threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private void Fail(string failure)
    {
        lock (_gate)
        {
            _failures.Add(failure);
        }
    }
}
