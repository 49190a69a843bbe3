using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// A session transport's incoming messages, each shown to an observer as the session reads it, in order; plus, when
/// <paramref name="injected"/> is given, the messages Tributary read off a response itself (see
/// <see cref="StreamableHttpToolCalls"/>), which the session handles as if its transport had read them.
/// </summary>
/// <param name="inner">The transport's own messages.</param>
/// <param name="observe">Sees each of the transport's own messages (not the injected ones, already seen) as it is read.</param>
/// <param name="injected">Messages handed to the session from outside the transport, or <see langword="null"/>.</param>
internal sealed class ObservedMessageReader(ChannelReader<JsonRpcMessage> inner, Action<JsonRpcMessage> observe, ChannelReader<JsonRpcMessage>? injected = null) : ChannelReader<JsonRpcMessage>
{
    // One outstanding wait per source, kept across calls: a fresh wait on the idle source at every call would leave
    // a waiter behind each time.
    private Task<bool>? _innerWait;
    private Task<bool>? _injectedWait;

    /// <inheritdoc />
    public override Task Completion => inner.Completion;

    /// <inheritdoc />
    public override bool TryRead([MaybeNullWhen(false)] out JsonRpcMessage item)
    {
        if (injected is not null && injected.TryRead(out item))
        {
            return true;
        }

        if (!inner.TryRead(out item))
        {
            return false;
        }

        observe(item);
        return true;
    }

    /// <inheritdoc />
    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
        injected is null ? inner.WaitToReadAsync(cancellationToken) : WaitForEitherAsync(injected, cancellationToken);

    // Called by the session's one read loop, never concurrently. Reading ends when the transport's own messages end.
    private async ValueTask<bool> WaitForEitherAsync(ChannelReader<JsonRpcMessage> extra, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (extra.TryPeek(out _))
            {
                return true;
            }

            _innerWait ??= inner.WaitToReadAsync(cancellationToken).AsTask();
            if (!_innerWait.IsCompleted)
            {
                _injectedWait ??= extra.WaitToReadAsync(cancellationToken).AsTask();
                await Task.WhenAny(_innerWait, _injectedWait);
                if (_injectedWait.IsCompleted && !_innerWait.IsCompleted)
                {
                    var more = await _injectedWait;
                    _injectedWait = null;
                    if (more)
                    {
                        continue;
                    }

                    // Nothing more will be injected (the transport is closing): only the transport's own messages are left.
                    await _innerWait.WaitAsync(cancellationToken);
                }
            }

            var wait = _innerWait;
            _innerWait = null;
            return await wait;
        }
    }
}
