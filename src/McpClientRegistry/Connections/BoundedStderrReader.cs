using System.Text;

namespace Tributary.McpClientRegistry.Connections;

/// <summary>
/// Reads a stdio server's standard error line by line, each line cut at <see cref="MaxLineChars"/> characters (the
/// rest of it is read and dropped), handing every line to an observer and keeping the last few for the
/// session's completion details. The process's own line reader would hold a line of any length.
/// </summary>
internal sealed class BoundedStderrReader : IAsyncDisposable
{
    /// <summary>The longest line passed on; longer ones are cut and marked.</summary>
    public const int MaxLineChars = 4096;

    private const int TailLines = 10;

    private readonly Stream _stderr;
    private readonly Action<string>? _onLine;
    private readonly Queue<string> _tail = new();
    private readonly Task _reading;

    public BoundedStderrReader(Stream stderr, Action<string>? onLine)
    {
        _stderr = stderr;
        _onLine = onLine;
        // A thread of its own: a pipe read blocks until data or the end comes, and must not hold a pool thread meanwhile.
        _reading = Task.Factory.StartNew(Read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The last lines read.</summary>
    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_tail)
            {
                return [.. _tail];
            }
        }
    }

    /// <summary>Waits (briefly) for what the process wrote before it exited to be read.</summary>
    public Task DrainAsync(TimeSpan bound) => _reading.WaitAsync(bound).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>Waits a moment for the reading to end (the process has been ended, so its pipe closes) and lets it go.</summary>
    public async ValueTask DisposeAsync() => await DrainAsync(TimeSpan.FromSeconds(1));

    private void Read()
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        var bytes = new byte[4096];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var line = new StringBuilder();
        bool cut = false;
        try
        {
            int read;
            while ((read = _stderr.Read(bytes)) > 0)
            {
                int count = decoder.GetChars(bytes, 0, read, chars, 0);
                foreach (char c in chars.AsSpan(0, count))
                {
                    if (c == '\n')
                    {
                        Emit(line, cut);
                        cut = false;
                    }
                    else if (line.Length < MaxLineChars)
                    {
                        line.Append(c);
                    }
                    else
                    {
                        cut = true;
                    }
                }
            }

            if (line.Length > 0)
            {
                Emit(line, cut);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone and its pipe with it.
        }
    }

    private void Emit(StringBuilder line, bool cut)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        string text = cut ? $"{line} ... (line cut at {MaxLineChars} characters)" : line.ToString();
        line.Clear();
        lock (_tail)
        {
            if (_tail.Count == TailLines)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(text);
        }

        try
        {
            _onLine?.Invoke(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing observer must not stop the reading, or the child would block on a full pipe.
        }
    }
}
