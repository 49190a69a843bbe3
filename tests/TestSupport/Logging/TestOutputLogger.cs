using Microsoft.Extensions.Logging;
using Xunit;

namespace Tributary.TestSupport.Logging;

/// <summary>Writes log entries of one category to a test's output.</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output, string categoryName, LogLevel minimumLevel) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"[{logLevel}] {categoryName}: {formatter(state, exception)}";
        TestOutput.TryWriteLine(output, exception is null ? line : $"{line}{Environment.NewLine}{exception}");
    }
}
