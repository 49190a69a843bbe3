using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// The session of a <see cref="BoundedStdioClientTransport"/>: the SDK's stream session over the child's pipes, plus the
/// child itself. When the session ends (end of output, a message over the limit, or disposal) the process tree is
/// ended and the session's reader completes with <see cref="StdioClientCompletionDetails"/> (exit code, stderr tail,
/// and the error that ended it), as the SDK's own stdio transport reports; the process is released then.
/// </summary>
internal sealed partial class StdioProcessTransport : ITransport
{
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(1);

    private readonly ITransport _inner;
    private readonly Process _process;
    private readonly BoundedStderrReader _stderr;
    private readonly TimeSpan _shutdownTimeout;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly int _processId;
    private readonly Task _ended;
    private int _disposed;

    public StdioProcessTransport(ITransport inner, Process process, BoundedStderrReader stderr, TimeSpan shutdownTimeout, ILogger logger, string name)
    {
        _inner = inner;
        _process = process;
        _stderr = stderr;
        _shutdownTimeout = shutdownTimeout;
        _logger = logger;
        _name = name;
        _processId = process.Id;
        _ended = EndAsync();
        MessageReader = new CompletingMessageReader(inner.MessageReader, _ended);
    }

    /// <inheritdoc />
    public string? SessionId => _inner.SessionId;

    /// <inheritdoc />
    public ChannelReader<JsonRpcMessage> MessageReader { get; }

    /// <inheritdoc />
    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
        _inner.SendMessageAsync(message, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Does not wait for the end of the session: the inner reader completes only once its messages are all read, which the
    /// SDK does after disposing the transport. What is left to clean up is done at that end (<see cref="EndAsync"/>).
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Ended first, so the session's read loop sees the end of its input instead of waiting to be cancelled.
        End(_process);
        await _inner.DisposeAsync();
    }

    /// <summary>Ends the process and everything it started, if it still runs.</summary>
    internal static void End(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Exited meanwhile, or never started.
        }
    }

    private async Task EndAsync()
    {
        Exception? error = null;
        try
        {
            await _inner.MessageReader.Completion;
        }
        catch (Exception e)
        {
            error = e is ClientTransportClosedException { InnerException: { } inner } ? inner : e;
        }

        if (error is UpstreamMessageTooLargeException)
        {
            LogMessageTooLarge(_logger, _name, error.Message);
        }

        End(_process);
        using (var exit = new CancellationTokenSource(_shutdownTimeout))
        {
            try
            {
                await _process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                // Not reaped in time; the details then lack the exit code.
            }
        }

        await _stderr.DrainAsync(DrainBound);
        var details = new StdioClientCompletionDetails
        {
            Exception = error,
            ProcessId = _processId,
            ExitCode = _process.HasExited ? _process.ExitCode : null,
            StandardErrorTail = _stderr.Tail is { Count: > 0 } tail ? tail : null,
        };
        await _stderr.DisposeAsync();
        _process.Dispose();
        throw new ClientTransportClosedException(details);
    }

    [LoggerMessage(1018, LogLevel.Warning, "MCP server {ServerName} was disconnected: {Reason}")]
    private static partial void LogMessageTooLarge(ILogger logger, string serverName, string reason);
}
