using System.Globalization;
using ModelContextProtocol;

namespace Tributary.Server.Cli;

/// <summary>
/// Writes a tool call's progress notifications to stderr as they arrive, one line each, and ignores
/// those that arrive after <see cref="Stop"/> so they cannot interleave with the result.
/// </summary>
internal sealed class StderrProgress(TextWriter error) : IProgress<ProgressNotificationValue>
{
    private readonly Lock _gate = new();
    private bool _stopped;

    /// <inheritdoc />
    public void Report(ProgressNotificationValue value)
    {
        var total = value.Total is { } t ? string.Create(CultureInfo.InvariantCulture, $"/{t:0.##}") : string.Empty;
        var message = string.IsNullOrEmpty(value.Message) ? string.Empty : $": {value.Message}";
        var line = string.Create(CultureInfo.InvariantCulture, $"progress {value.Progress:0.##}{total}{message}");
        lock (_gate)
        {
            if (!_stopped)
            {
                error.WriteLine(line);
            }
        }
    }

    /// <summary>Drops any later notification.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }
    }
}
