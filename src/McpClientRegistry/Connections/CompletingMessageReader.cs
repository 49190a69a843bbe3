using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A session's incoming messages, whose end is reported only once <paramref name="completion"/> (the clean-up after the
/// inner reader ended) is over, and as it says: the SDK reads the completion to fail the requests still pending.
/// </summary>
internal sealed class CompletingMessageReader(ChannelReader<JsonRpcMessage> inner, Task completion) : ChannelReader<JsonRpcMessage>
{
    /// <inheritdoc />
    public override Task Completion => completion;

    /// <inheritdoc />
    public override bool TryRead([MaybeNullWhen(false)] out JsonRpcMessage item) => inner.TryRead(out item);

    /// <inheritdoc />
    public override async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (await inner.WaitToReadAsync(cancellationToken))
            {
                return true;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The inner reader's error is in the completion's details.
        }

        await completion.WaitAsync(cancellationToken);
        return false;
    }
}
