using System.Diagnostics;
using Tributary.TestSupport.Logging;
using Xunit;

namespace Tributary.TestSupport.Node;

/// <summary>
/// A child process owned by a fixture: its output is captured for diagnostics (and copied to the
/// test's output when given) and disposing it kills the whole process tree.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int MaxCapturedLines = 2000;
    private const string StdoutPrefix = "[out] ";

    private readonly Process _process;
    private readonly string _label;
    private readonly ITestOutputHelper? _output;
    private readonly Queue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _lineWaiters = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process, string label, ITestOutputHelper? output)
    {
        _process = process;
        _label = label;
        _output = output;
    }

    /// <summary>Gets the operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Gets a task that completes when the process has exited.</summary>
    public Task Exited => _exited.Task;

    /// <summary>Gets whether the process has exited.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Gets the exit code once the process has exited, else <see langword="null"/>.</summary>
    public int? ExitCode => HasExited && _process.HasExited ? _process.ExitCode : null;

    /// <summary>Gets the last lines the process wrote to stdout and stderr, prefixed by stream.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <summary>Starts a command with its output captured.</summary>
    /// <param name="command">The command line and environment.</param>
    /// <param name="label">A short name for output lines, such as <c>everything:streamableHttp</c>.</param>
    /// <param name="output">The test's output to copy the process's lines to, if any.</param>
    /// <returns>The running process.</returns>
    public static NodeProcess Start(NodeCommand command, string label, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var startInfo = new ProcessStartInfo(command.Command)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = NodeTools.NpmRoot,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var owned = new NodeProcess(process, label, output);
        process.OutputDataReceived += (_, e) => owned.Capture("out", e.Data);
        process.ErrorDataReceived += (_, e) => owned.Capture("err", e.Data);
        process.Exited += (_, _) => owned._exited.TrySetResult();
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return owned;
    }

    /// <summary>
    /// Waits for a line on stdout that <paramref name="match"/> accepts; lines already captured count.
    /// Fails when the process exits first.
    /// </summary>
    /// <param name="match">Accepts the wanted line (without the stream prefix).</param>
    /// <param name="cancellationToken">Cancels the wait; combine it with a timeout.</param>
    /// <returns>The first matching line.</returns>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            var existing = _lines.Where(l => l.StartsWith(StdoutPrefix, StringComparison.Ordinal))
                .Select(l => l[StdoutPrefix.Length..])
                .FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            _lineWaiters.Add((match, found));
        }

        var first = await Task.WhenAny(found.Task, Exited).WaitAsync(cancellationToken);
        if (first == found.Task)
        {
            return await found.Task;
        }

        // Exited first: stdout may still be draining, so the line may yet arrive.
        await _process.WaitForExitAsync(cancellationToken);
        return found.Task.IsCompleted
            ? await found.Task
            : throw new InvalidOperationException($"[{_label}] exited with {ExitCode} before printing the expected line.{Environment.NewLine}{Output}");
    }

    /// <summary>Writes a line to the process's stdin.</summary>
    /// <param name="line">The line, without its end.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the line is flushed.</returns>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Kills the process and every process it started, and waits until it has exited.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the process has exited.</returns>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await KillAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            TestOutput.TryWriteLine(_output, $"[{_label}] did not exit within 10 s of being killed");
        }

        _process.Dispose();
    }

    private void Capture(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        var entry = $"[{stream}] {line}";
        lock (_lines)
        {
            _lines.Enqueue(entry);
            if (_lines.Count > MaxCapturedLines)
            {
                _lines.Dequeue();
            }

            if (stream == "out")
            {
                _lineWaiters.RemoveAll(w => w.Match(line) && w.Found.TrySetResult(line));
            }
        }

        TestOutput.TryWriteLine(_output, $"[{_label}] {entry}");
    }
}
