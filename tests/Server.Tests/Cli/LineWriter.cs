namespace Tributary.Server.Tests.Cli;

/// <summary>A thread-safe in-memory writer with "\n" line ends that can signal when a given line is written.</summary>
public sealed class LineWriter : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(string Line, TaskCompletionSource Seen)> _awaited = [];

    public LineWriter() => NewLine = "\n";

    /// <summary>Completes when <paramref name="line"/> has been written with <see cref="WriteLine(string)"/>.</summary>
    public Task WhenLineWritten(string line)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _awaited.Add((line, seen));
        }

        return seen.Task;
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
            foreach (var (line, seen) in _awaited.Where(a => a.Line == value))
            {
                seen.TrySetResult();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
