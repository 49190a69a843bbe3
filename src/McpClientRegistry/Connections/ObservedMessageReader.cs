using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>A session transport's incoming messages, each shown to an observer as the session reads it, in order.</summary>
internal sealed class ObservedMessageReader(ChannelReader<JsonRpcMessage> inner, Action<JsonRpcMessage> observe) : ChannelReader<JsonRpcMessage>
{
    /// <inheritdoc />
    public override Task Completion => inner.Completion;

    /// <inheritdoc />
    public override bool TryRead([MaybeNullWhen(false)] out JsonRpcMessage item)
    {
        if (!inner.TryRead(out item))
        {
            return false;
        }

        observe(item);
        return true;
    }

    /// <inheritdoc />
    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => inner.WaitToReadAsync(cancellationToken);
}
