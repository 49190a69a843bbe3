using Microsoft.Extensions.Logging;

namespace Tributary.Server.Tests.Security;

/// <summary>Hands every entry of one category, formatted, to <see cref="LogCollector"/>.</summary>
internal sealed class CollectingLogger(string category, Action<CapturedLog> add) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        add(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception?.ToString()));
    }
}
