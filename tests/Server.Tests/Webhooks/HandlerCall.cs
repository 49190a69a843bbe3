using Tributary.Server.Webhooks;

namespace Tributary.Server.Tests.Webhooks;

/// <summary>One call of <see cref="RecordingWorkHandler"/>: the work, the token it got, and the test's hold on it.</summary>
internal sealed class HandlerCall(WebhookWork work, CancellationToken token)
{
    private readonly TaskCompletionSource<Exception?> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookWork Work { get; } = work;

    public CancellationToken Token { get; } = token;

    /// <summary>Completes with whether the call ended because its token was cancelled.</summary>
    public Task<bool> Finished => _finished.Task;

    /// <summary>Lets the call return.</summary>
    public void Release() => _release.TrySetResult(null);

    /// <summary>Makes the call throw <paramref name="exception"/>.</summary>
    public void Fail(Exception exception) => _release.TrySetResult(exception);

    internal async Task WaitForReleaseAsync()
    {
        if (await _release.Task.WaitAsync(Token) is { } exception)
        {
            throw exception;
        }
    }

    internal void MarkFinished(bool cancelled) => _finished.TrySetResult(cancelled);
}
